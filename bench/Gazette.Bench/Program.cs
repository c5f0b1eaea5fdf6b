using Gazette.Bench;

return await Cli.Execute(args);
