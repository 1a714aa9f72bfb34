import Foundation
import VernetztEngine
import VernetztModel

/// Which items a build shows: drafts, items dated in the future (scheduled) and expired items
/// are left out unless asked for. An event's date is when it happens, not when it was
/// published, so events are never held back as scheduled.
public struct Visibility: Sendable {
    public var drafts = false
    public var future = false
    public var expired = false
    public var now: Date

    public init(drafts: Bool = false, future: Bool = false, expired: Bool = false, now: Date) {
        self.drafts = drafts
        self.future = future
        self.expired = expired
        self.now = now
    }

    public enum State: String, Sendable {
        case published, draft, scheduled, expired
    }

    public func state(of document: Document) -> State {
        if document.common.draft { return .draft }
        if let expires = document.common.expires, expires.instant <= now { return .expired }
        if document.kind.event == nil, let date = document.date, date.instant > now { return .scheduled }
        return .published
    }

    public func shows(_ document: Document) -> Bool {
        switch state(of: document) {
        case .published: true
        case .draft: drafts
        case .scheduled: future
        case .expired: expired
        }
    }
}
