import Hall
public import QueueCore

/// Small catalogs for tests: fields A (land) and B (civil status); counter 1 serves A, counter 2 serves A+B.
public enum CatalogBuilder {
    public static func small() -> Catalog {
        Catalog(
            centreName: "Trung tâm thử nghiệm",
            fields: [
                Field(code: "dat-dai", name: "Đất đai", nameEn: "Land", prefix: "A"),
                Field(code: "ho-tich", name: "Hộ tịch", nameEn: "Civil status", prefix: "B"),
            ],
            procedures: [
                Procedure(
                    code: "1.001193", field: "ho-tich", name: "Đăng ký khai sinh", workingDays: 0, sameDayGroup: 1,
                    noWaitFriday: true),
                Procedure(
                    code: "1.004227", field: "dat-dai", name: "Đăng ký biến động đất đai", workingDays: 10, sameDayGroup: 3,
                    noWaitFriday: false),
            ],
            counters: [
                Counter(number: 1, name: "Quầy 1", fields: ["dat-dai"]),
                Counter(number: 2, name: "Quầy 2", fields: ["dat-dai", "ho-tich"]),
            ],
            sessions: [OfficeSession(start: "07:30", end: "11:30"), OfficeSession(start: "13:30", end: "17:00")])
    }
}
