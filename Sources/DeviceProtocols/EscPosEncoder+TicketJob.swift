extension EscPosEncoder {
    /// Default paper advance after a ticket, in dots: 12 mm at 203 dpi, enough to bring the last printed row
    /// past the cutter (or the tear bar) on common printers.
    public static let defaultTicketFeedDots: UInt8 = 96

    /// A whole ticket from a rendered bitmap: `ESC @`, centre, raster strips, feed, cut (per profile).
    public static func ticketJob(
        bitmap: Bitmap, profile: PrinterProfile, feedDots: UInt8 = defaultTicketFeedDots
    ) throws(EscPosError) -> [UInt8] {
        try EscPosEncoder(profile: profile)
            .initialize()
            .align(.center)
            .raster(bitmap)
            .cut(feedDots: feedDots)
            .bytes
    }
}
