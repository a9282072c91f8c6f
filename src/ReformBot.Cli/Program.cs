using System.CommandLine;
using System.Text;
using ReformBot.Cli;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("ReformBot: hỏi đáp thủ tục hành chính — the answering engine from the command line")
{
    AskCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    ValidateCommand.Create(),
    FacebookCommand.Create(),
    LoadTestCommand.Create(),
    StaffCommand.Create(),
    KnowledgeCommand.Create(),
    BackupCommand.Create(),
};
return root.Parse(args).Invoke();
