import CarteraCore

/// The hours a customer may be contacted, in words: "lun–vie 7:00–19:00, sáb 8:00–15:00".
enum ContactWindowText {
    static func text(_ rules: ContactRules, localizer: Localizer, language: String) -> String {
        func day(_ weekday: Int) -> String {
            localizer.text("contact_window.day.\(weekday)", language: language) ?? String(weekday)
        }
        func time(_ minute: Int) -> String { "\(minute / 60):" + (minute % 60 < 10 ? "0" : "") + "\(minute % 60)" }
        return rules.weeklySchedule.map { run in
            let days =
                run.days.count == 1
                ? day(run.days.lowerBound) : "\(day(run.days.lowerBound))–\(day(run.days.upperBound))"
            return "\(days) \(time(run.hours.opens))–\(time(run.hours.closes))"
        }.joined(separator: ", ")
    }
}
