import Hummingbird
import Logging

/// One structured log line per request: method, route template (`/api/v1/public/tickets/{token}`, never the
/// raw path, so tokens stay out of the log), status, duration, and the request id (`hb.request.id`, from the context's logger). Outermost middleware, so it
/// sees the status the client got, errors included. Nothing from headers or bodies is logged.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Also records `khongcho_http_request_duration_seconds{route,status}`.
    let metrics: HallMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, since: started)
            throw error
        }
    }

    /// The route template the router matched (Hummingbird says `NotFound` when none did), or `static` for a file.
    static func route(_ context: Context, status: Int) -> String {
        context.endpointPath ?? (status == 404 ? "unmatched" : "static")
    }

    private func log(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = started.duration(to: .now)
        let route = Self.route(context, status: status)
        metrics.request(route: route, status: status, duration: elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
                "ms": "\((milliseconds * 10).rounded() / 10)",
            ])
    }
}
