import ArgumentParser

@main
struct KhongCho: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khongcho",
        abstract: "KhôngChờ — bộ điều khiển sảnh tiếp nhận một cửa / a no-wait reception hall controller.",
        subcommands: [Serve.self, UserCommand.self],
        defaultSubcommand: Serve.self)
}
