import ArgumentParser

/// `khongcho province …`: the province office's side of province mode.
struct ProvinceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "province", abstract: "Văn phòng tỉnh / the province office: read the centres' replicated figures.",
        subcommands: [ProvinceServe.self, ProvinceUserCommand.self, ProvinceBenchCommand.self])
}
