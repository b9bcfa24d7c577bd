public import Foundation
import Glibc

/// A throw-away PostgreSQL cluster for tests: `initdb` into a temporary directory, the server on a random loopback
/// port with its socket in that directory, stopped and deleted by `stop()`. PostgreSQL refuses to run as root, so
/// as root (CI) every PostgreSQL program runs as the `postgres` account the distribution package creates, and the
/// directory is handed to it. `fsync=off`: the cluster lives for one test run.
public final class PostgresCluster: Sendable {
    public let directory: URL
    public let port: Int
    let binaries: URL
    let asPostgres: Bool

    /// Makes and starts a cluster; throws with the program's output when PostgreSQL is not installed or fails.
    public init() throws {
        guard let bin = Self.findBinaries() else {
            throw ClusterError("PostgreSQL server programs not found (apt install postgresql): no initdb in /usr/lib/postgresql/*/bin")
        }
        binaries = bin
        asPostgres = geteuid() == 0
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("khongcho-pg-\(UUID().uuidString.prefix(8))")
        port = Int.random(in: 20_000...60_000)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if asPostgres { try run("/bin/chown", ["postgres:postgres", directory.path], asPostgres: false) }
        try run(
            binaries.appendingPathComponent("initdb").path,
            ["-D", dataPath, "-U", "khongcho", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        try start()
    }

    var dataPath: String { directory.appendingPathComponent("data").path }

    /// `postgres://khongcho@127.0.0.1:PORT/postgres`.
    public var url: String { "postgres://khongcho@127.0.0.1:\(port)/postgres?sslmode=disable" }

    public func start() throws {
        try run(
            binaries.appendingPathComponent("pg_ctl").path,
            [
                "-D", dataPath, "-w", "-l", directory.appendingPathComponent("server.log").path, "-o",
                "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start",
            ])
    }

    /// Stops the server (fast shutdown); the data stays for `start()`.
    public func pause() throws {
        try run(binaries.appendingPathComponent("pg_ctl").path, ["-D", dataPath, "-m", "fast", "-w", "stop"])
    }

    /// Stops the server and deletes the cluster.
    public func stop() {
        do { try pause() } catch { FileHandle.standardError.write(Data("PostgreSQL stop: \(error)\n".utf8)) }
        do { try FileManager.default.removeItem(at: directory) } catch {
            FileHandle.standardError.write(Data("PostgreSQL cluster not removed: \(error)\n".utf8))
        }
    }

    /// Runs a program to its end with `posix_spawn` and `waitpid`, its output in a file. Not Foundation's `Process`:
    /// it notices the end through a descriptor the child inherits, which the server `pg_ctl start` leaves running
    /// inherits too, so `waitUntilExit` would never return.
    func run(_ program: String, _ arguments: [String], asPostgres: Bool? = nil) throws {
        let argv =
            (asPostgres ?? self.asPostgres) ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
        let outputPath = directory.appendingPathComponent("command.out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw ClusterError("\(argv[0]) could not start: errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw ClusterError("\(program) \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
    }

    static func findBinaries() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { root.appendingPathComponent($0).appendingPathComponent("bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }
}

/// Why the test cluster could not be made or driven, with the program's output.
public struct ClusterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
