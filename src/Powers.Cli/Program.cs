using Powers.Cli;

return PowersCli.Run(args, CliConsole.System());
