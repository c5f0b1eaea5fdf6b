using YamlDotNet.Core;

namespace Gazette.Content;

/// <summary>
/// Thrown by <see cref="BoundedYamlParser"/> where a mapping key is a list, a mapping or an alias: content keys are plain words,
/// so it is reported as a value of the wrong kind (GZ0104), not as YAML that cannot be read.
/// </summary>
internal sealed class KeyNotAWordException(Mark start, Mark end, string message) : YamlException(start, end, message);
