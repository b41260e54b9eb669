import CoreMetrics
import Prometheus

/// The process's Prometheus registry. swift-metrics has one global backend, bootstrapped once per
/// process (tests make many applications), so the registry is a lazily created singleton. Vapor
/// itself records `http_requests_total` and `http_request_duration_seconds` per route into it.
enum CarteraMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    // Counters the background work adds to.
    static func remindersQueued(_ count: Int) { Counter(label: "cartera_reminders_queued_total").increment(by: count) }
    static func messages(_ outcome: String, _ count: Int) {
        Counter(label: "cartera_messages_total", dimensions: [("outcome", outcome)]).increment(by: count)
    }
    static func lateFeesCharged(_ count: Int) { Counter(label: "cartera_late_fees_charged_total").increment(by: count) }
}
