using Makemore.NotebookRunner;

return await RunnerCommandLine.InvokeAsync(args);
