import CarteraCore

/// The expected payment date in words, never a day already gone: when the customer's usual delay
/// has passed without payment the page says so ("no expected date") instead of a date in the past,
/// and a range that began before today is told from today.
enum PredictionText {
    static func expected(_ prediction: PaymentPrediction, today: LocalDate, format: PageFormat) -> String {
        let date = format.date(prediction.date)
        let latest = format.date(prediction.latest)
        if prediction.latest < today { return format.text("prediction.overdue") }
        if prediction.date < today { return format.text("prediction.late_within", ["latest": latest]) }
        if prediction.earliest < today {
            return format.text("prediction.expected_by", ["date": date, "latest": latest])
        }
        return format.text(
            "prediction.expected", ["date": date, "earliest": format.date(prediction.earliest), "latest": latest])
    }
}
