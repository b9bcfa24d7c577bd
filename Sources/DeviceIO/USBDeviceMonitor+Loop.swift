internal import CLibUSB
import Dispatch
import Logging
import Synchronization

extension USBDeviceMonitor {
    /// The blocking loop, on the monitor's own thread.
    func loop() {
        let hotplug = startHotplug()
        rescan()
        var nextScan = ContinuousClock.now + pollInterval
        while !state.withLock({ $0.stopRequested }) {
            if let hotplug {
                context.handleEvents(timeout: min(pollInterval, nextScan - .now))
                if hotplug.takeChanged() {
                    rescan()
                    nextScan = .now + pollInterval
                }
            } else {
                _ = wakeUp.wait(timeout: .now() + .milliseconds(Int((nextScan - .now).libusbMilliseconds)))
            }
            if ContinuousClock.now >= nextScan {
                rescan()
                nextScan = .now + pollInterval
            }
        }
        hotplug?.deregister(from: context)
        finish()
    }

    private func startHotplug() -> USBHotplugRegistration? {
        guard mode == .automatic, context.supportsHotplug else {
            logger.info("USB monitor: polling every \(pollInterval)")
            return nil
        }
        let registration = USBHotplugRegistration()
        do {
            try registration.register(in: context)
        } catch {
            logger.warning("USB monitor: hot-plug unavailable, polling instead: \(error)")
            return nil
        }
        state.withLock { $0.usingHotplug = true }
        logger.info("USB monitor: libusb hot-plug callbacks, rescan every \(pollInterval)")
        return registration
    }

    /// Enumerates, diffs against what was known, reads strings of new devices, and tells subscribers.
    func rescan() {
        let diff: USBDeviceDiff
        do {
            diff = try context.withDeviceList { devices throws(USBError) in
                let infos = devices.compactMap { device in USBDescriptorReader.info(for: device).map { (device, $0) } }
                let known = state.withLock { $0.known }
                var diff = USBDeviceDiff.between(known, infos.map(\.1))
                if readStrings {
                    diff.arrived = diff.arrived.map { arrived in
                        guard let pair = infos.first(where: { $0.1.id == arrived.id }) else { return arrived }
                        return USBDescriptorReader.withStrings(arrived, device: pair.0)
                    }
                }
                return diff
            }
        } catch {
            logger.error("USB monitor: cannot enumerate devices: \(error)")
            return
        }
        guard !diff.isEmpty else { return }
        publish(diff)
    }

    private func publish(_ diff: USBDeviceDiff) {
        for device in diff.left { logger.info("USB device left: \(device)") }
        for device in diff.arrived { logger.info("USB device arrived: \(device)") }
        state.withLock { state in
            for device in diff.left {
                state.known.removeValue(forKey: device.id)
                for subscriber in state.subscribers.values { subscriber.yield(.left(device)) }
            }
            for device in diff.arrived {
                state.known[device.id] = device
                for subscriber in state.subscribers.values { subscriber.yield(.arrived(device)) }
            }
        }
    }

    /// Ends every stream. `finish()` runs outside the lock because it calls the streams' termination
    /// handlers, which take the lock themselves.
    private func finish() {
        let subscribers = state.withLock { state in
            state.finished = true
            state.usingHotplug = false
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
