using System.CommandLine;
using Gazette.Cli;

return GazetteCommand.Create().Parse(args).Invoke();
