namespace Gazette.Rendering.Views;

/// <summary>What layouts/admin.liquid sees under <c>admin</c>: the addresses of Decap CMS's script, of its configuration and of the Netlify Identity widget's script.</summary>
public sealed record AdminView(string ScriptUrl, string ConfigUrl, string IdentityUrl) : ITemplateView;
