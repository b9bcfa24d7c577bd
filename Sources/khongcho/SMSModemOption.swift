import DeviceIO
import DeviceProtocols
import Foundation
import Hall
import Logging
import QueueStore
import Simulators

extension Serve {
    /// The modem text messages go through: `--sms-modem PATH` with `--sms-profile`; otherwise, with simulated devices
    /// (or `auto`, which simulates what is not plugged in), the simulated modem, whose messages appear in the log; none
    /// with `--devices none`. An unknown or broken profile stops `serve` with exit 78 naming the file.
    func smsSender(logger: Logger) throws -> ModemSender? {
        guard let smsModem else {
            guard devices != .none else { return nil }
            let modem = SimulatedModem()
            let profile = ModemProfile(id: "simulated", name: "Modem mô phỏng / simulated modem", charset: .ucs2, commandTimeout: 1)
            let logSent: @Sendable (any ModemLink) -> Void = { _ in
                if let message = modem.messages.last {
                    logger.info("SMS (mô phỏng / simulated) → \(SMSMessage.masked(message.recipient)): \(message.text)")
                }
            }
            return ModemSender(profile: profile, name: "simulated", open: { modem }, close: logSent)
        }
        let directory = URL(fileURLWithPath: devicesDirectory).appendingPathComponent("modems")
        let profiles: [ModemProfile]
        do {
            profiles = try ModemProfiles.load(directory: directory)
        } catch {
            throw StartupRefusal(
                code: .configuration,
                message: "KhôngChờ không khởi động: \(error.message)\nKhôngChờ did not start: \(error.englishMessage)"
            ).exit()
        }
        guard let profile = profiles.first(where: { $0.id == smsProfile }) else {
            let known = profiles.map(\.id).joined(separator: ", ")
            throw StartupRefusal(
                code: .configuration,
                message: """
                    KhôngChờ không khởi động: không có hồ sơ modem “\(smsProfile)” trong \(directory.path) (có: \(known)).
                    KhôngChờ did not start: no modem profile '\(smsProfile)' in \(directory.path) (known: \(known)).
                    """
            ).exit()
        }
        let path = smsModem
        return ModemSender(
            profile: profile, name: path,
            open: { () throws(ModemError) -> any ModemLink in try SerialModemLink(path: path, profile: profile) },
            close: { link in (link as? SerialModemLink)?.close() })
    }
}
