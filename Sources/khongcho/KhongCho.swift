import ArgumentParser
import DeviceIO
import Hall

@main
struct KhongCho: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khongcho",
        abstract: "KhôngChờ — bộ điều khiển sảnh tiếp nhận một cửa / a no-wait reception hall controller.",
        subcommands: [
            Serve.self, UserCommand.self, DevicesCommand.self, PrintTest.self, PrintBench.self, VirtualPrint.self, SimulateCommand.self,
            DisplayBench.self, PlanCommand.self, ReportCommand.self, ReportBenchCommand.self, BackupCommand.self, RestoreCommand.self,
        ],
        defaultSubcommand: Serve.self)
}
