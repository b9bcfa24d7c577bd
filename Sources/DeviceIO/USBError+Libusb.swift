internal import CLibUSB

extension USBError {
    /// The libusb error numbers, spelled out so every one of them has a case (see `libusb_error` in libusb.h).
    static func code(forLibusb value: Int32) -> Code {
        switch value {
        case LIBUSB_ERROR_IO.rawValue: .io
        case LIBUSB_ERROR_INVALID_PARAM.rawValue: .invalidParameter
        case LIBUSB_ERROR_ACCESS.rawValue: .access
        case LIBUSB_ERROR_NO_DEVICE.rawValue: .noDevice
        case LIBUSB_ERROR_NOT_FOUND.rawValue: .notFound
        case LIBUSB_ERROR_BUSY.rawValue: .busy
        case LIBUSB_ERROR_TIMEOUT.rawValue: .timeout
        case LIBUSB_ERROR_OVERFLOW.rawValue: .overflow
        case LIBUSB_ERROR_PIPE.rawValue: .pipe
        case LIBUSB_ERROR_INTERRUPTED.rawValue: .interrupted
        case LIBUSB_ERROR_NO_MEM.rawValue: .noMemory
        case LIBUSB_ERROR_NOT_SUPPORTED.rawValue: .notSupported
        default: .other
        }
    }

    /// Throws when a libusb call returned a negative code; returns the (non-negative) value otherwise.
    @discardableResult
    static func check(_ value: Int32, _ call: String) throws(USBError) -> Int32 {
        if value < 0 { throw USBError(libusbCode: value, call: call) }
        return value
    }
}
