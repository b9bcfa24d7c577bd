internal import CLibUSB

extension USBPrinterConnection {
    func writeBlocking(_ bytes: [UInt8]) throws(USBError) -> Int {
        let handle = try openHandle("write")
        var buffer = bytes
        var sent = 0
        var clearedStall = false
        while sent < buffer.count {
            let length = min(options.chunkSize, buffer.count - sent)
            let (result, moved) = buffer.withUnsafeMutableBufferPointer { all in
                handle.bulk(
                    endpoint: endpoints.outAddress, UnsafeMutableBufferPointer(rebasing: all[sent..<sent + length]),
                    timeout: options.writeTimeout)
            }
            sent += moved
            if result == LIBUSB_ERROR_PIPE.rawValue && !clearedStall {
                // A stalled OUT endpoint is cleared once (not reset) and the rest of the chunk retried.
                clearedStall = true
                if handle.clearHalt(endpoint: endpoints.outAddress) == 0 { continue }
            }
            if result != 0 {
                throw USBError(
                    libusbCode: result, call: "libusb_bulk_transfer(OUT 0x\(USBDeviceInfo.hex2(endpoints.outAddress)))",
                    transferred: sent, requested: bytes.count)
            }
        }
        return sent
    }

    func readBlocking(max: Int, timeout: Duration) throws(USBError) -> [UInt8] {
        let handle = try openHandle("read")
        guard let input = endpoints.inAddress else { throw USBError(.noInputEndpoint, call: "read") }
        var buffer = [UInt8](repeating: 0, count: Swift.max(1, max))
        let (result, moved) = buffer.withUnsafeMutableBufferPointer {
            handle.bulk(endpoint: input, $0, timeout: timeout)
        }
        // A timeout after some bytes arrived is a short read, not a failure.
        if result != 0 && !(result == LIBUSB_ERROR_TIMEOUT.rawValue && moved > 0) {
            throw USBError(libusbCode: result, call: "libusb_bulk_transfer(IN 0x\(USBDeviceInfo.hex2(input)))")
        }
        return Array(buffer.prefix(moved))
    }
}
