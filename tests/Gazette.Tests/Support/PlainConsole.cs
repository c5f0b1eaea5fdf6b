using Spectre.Console;

namespace Gazette.Tests.Support;

/// <summary>A console without colours or markup codes that writes into a string, for asserting on what a command prints.</summary>
public static class PlainConsole
{
    public static (IAnsiConsole Console, StringWriter Output) Create()
    {
        var output = new StringWriter();
        return (AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No,
        }), output);
    }
}
