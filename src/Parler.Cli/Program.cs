using Parler.Cli;

return await ParlerCli.Build(CliHost.Console).Parse(args).InvokeAsync();
