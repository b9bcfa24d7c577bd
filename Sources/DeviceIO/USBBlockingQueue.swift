import Dispatch

/// Runs blocking libusb calls on a serial dispatch queue instead of the Swift cooperative pool.
///
/// A bulk transfer to a printer that is out of paper blocks for its whole timeout; on the cooperative pool
/// that would park one of the few threads that also serve HTTP requests. Serial, so the calls for one device
/// never interleave (a status request cannot land in the middle of a ticket).
struct USBBlockingQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws(USBError) -> T) async throws(USBError) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, USBError>, Never>) in
            queue.async {
                continuation.resume(returning: Result { () throws(USBError) -> T in try work() })
            }
        }
        return try result.get()
    }
}
