namespace Gazette.Rendering.Views;

/// <summary>What layouts/admin.liquid sees under <c>admin</c>: the addresses of Decap CMS's script and of its configuration.</summary>
public sealed record AdminView(string ScriptUrl, string ConfigUrl);
