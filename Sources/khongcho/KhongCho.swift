import ArgumentParser
import DeviceIO
import Foundation
import Hall

@main
struct KhongCho: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khongcho",
        abstract: "KhôngChờ — bộ điều khiển sảnh tiếp nhận một cửa / a no-wait reception hall controller.",
        subcommands: [
            Serve.self, UserCommand.self, DevicesCommand.self, PrintTest.self, PrintBench.self, VirtualPrint.self, SimulateCommand.self,
            DisplayBench.self, PlanCommand.self, ReportCommand.self, ReportBenchCommand.self, BackupCommand.self, RestoreCommand.self,
            TLSCommand.self, ProvinceCommand.self,
        ],
        defaultSubcommand: Serve.self)

    /// Parses the command line after putting `serve`'s settings file (if any) in front of its flags.
    static func main() async {
        let given = Array(CommandLine.arguments.dropFirst())
        let subcommands = Set(configuration.subcommands.map { $0._commandName })
        let arguments: [String]
        do {
            arguments = try await ServeConfigFile.expand(given, subcommands: subcommands)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            Self.exit(withError: ExitCode(78))  // EX_CONFIG
        }
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
