namespace Gazette.Admin;

/// <summary>
/// Decap CMS as npm installed it (admin/node_modules/decap-cms/dist/): the main script's bytes, and the files it loads from
/// beside itself as it needs them (its numbered chunks, the WebAssembly modules, the licence notice), by name and absolute path;
/// and the Netlify Identity widget's script (admin/node_modules/netlify-identity-widget/build/), with which editors invited
/// through Netlify Identity set their password and log in (Decap's git-gateway backend uses it when the page has it).
/// </summary>
public sealed record AdminScript(byte[] Main, IReadOnlyList<(string Name, string Path)> Companions, byte[] Identity);
