import Foundation
import Testing

@testable import DeviceIO

@Suite struct SerialPortScannerTests {
    @Test func listsUSBSerialPortsInNumberOrder() throws {
        let dev = FileManager.default.temporaryDirectory.appendingPathComponent("dev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dev.appendingPathComponent("serial/by-id"), withIntermediateDirectories: true)
        for name in ["ttyUSB10", "ttyUSB2", "ttyACM0", "ttyS0", "ttyUSBx", "tty", "ttyACM1", "null"] {
            #expect(FileManager.default.createFile(atPath: dev.appendingPathComponent(name).path, contents: nil))
        }
        try FileManager.default.createSymbolicLink(
            atPath: dev.appendingPathComponent("serial/by-id/usb-1a86_USB_Serial-if00-port0").path,
            withDestinationPath: "../../ttyUSB2")
        let scanner = SerialPortScanner(directory: dev)
        #expect(
            scanner.ports()
                == ["ttyUSB2", "ttyUSB10", "ttyACM0", "ttyACM1"].map { dev.appendingPathComponent($0).path })
        #expect(
            scanner.byIDLinks() == [
                "usb-1a86_USB_Serial-if00-port0": dev.appendingPathComponent("ttyUSB2").standardizedFileURL.path
            ])
        #expect(SerialPortScanner(directory: dev.appendingPathComponent("missing")).ports().isEmpty)
    }

    @Test(arguments: SerialError.Code.allCases)
    func everyCodeSaysWhatToDoInBothLanguages(code: SerialError.Code) {
        let error = SerialError(code, call: "op /dev/ttyUSB0")
        #expect(error.message.count > "op /dev/ttyUSB0: ".count + 20)
        #expect(error.englishMessage.count > "op /dev/ttyUSB0: ".count + 20)
        #expect(error.message != error.englishMessage)
        #expect(error.description.hasPrefix(code.rawValue))
    }

    @Test func goneAdapterErrnosMeanUnplugged() {
        #expect(SerialError.system("write", path: "/dev/ttyUSB0", errno: EIO, fallback: .write).code == .unplugged)
        #expect(SerialError.system("open", path: "/dev/ttyUSB0", errno: ENXIO, fallback: .open).code == .unplugged)
        #expect(SerialError.system("poll", path: "/dev/ttyUSB0", errno: ENODEV, fallback: .poll).code == .unplugged)
        let other = SerialError.system(
            "write", path: "/dev/ttyUSB0", errno: EINVAL, fallback: .write, transferred: 3, requested: 9)
        #expect(other.code == .write && !other.meansUnplugged)
        #expect(
            other.englishMessage.hasSuffix(
                "(3 of 9 bytes went through; the display is redrawn when it reconnects) [errno \(EINVAL)]"))
        #expect(SerialError(.access, call: "open /dev/ttyUSB0").message.contains("dialout"))
    }
}
