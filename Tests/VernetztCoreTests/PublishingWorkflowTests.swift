import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Scheduled content appears only when a build runs after its date: both publishing workflows
/// build on every push to main and every night.
@Suite struct PublishingWorkflowTests {
    /// The mapping's value for `key` (a YAML mapping read with the project's own reader).
    static func value(_ node: YAMLValue?, _ key: String) -> YAMLValue? {
        guard case .keys(let entries, _) = node else { return nil }
        return entries.first { $0.key.text == key }?.value
    }

    @Test(arguments: ["publish-pages.yml", "publish-rsync.yml"])
    func buildsOnPushAndEveryNight(workflow: String) throws {
        let url = TemporarySite.repoRoot.appendingPathComponent(".github/workflows/" + workflow)
        let text = try String(contentsOf: url, encoding: .utf8)
        let root = try YAMLDocument.composeWithYams(Substring(text))
        let on = Self.value(root, "on")
        guard case .list(let branches, _) = Self.value(Self.value(on, "push"), "branches") else {
            Issue.record("\(workflow) does not build on push")
            return
        }
        #expect(branches.compactMap(\.text).contains("main"))
        guard case .list(let schedules, _) = Self.value(on, "schedule") else {
            Issue.record("\(workflow) has no schedule")
            return
        }
        let crons = schedules.compactMap { Self.value($0, "cron")?.text }
        #expect(!crons.isEmpty)
        for cron in crons {
            let fields = cron.split(separator: " ")
            #expect(fields.count == 5, "\(cron)")
            // Once a day: a fixed minute and hour, every day of every month.
            #expect(Int(fields[0]).map { (0...59).contains($0) } == true, "\(cron)")
            #expect(Int(fields[1]).map { (0...23).contains($0) } == true, "\(cron)")
            #expect(fields.dropFirst(2) == ["*", "*", "*"], "\(cron)")
        }
        // The picture cache is restored before the build, so that unchanged photos are not made again.
        guard case .keys(let jobs, _) = Self.value(root, "jobs"), case .list(let steps, _) = Self.value(jobs.first?.value, "steps") else {
            Issue.record("\(workflow) has no steps")
            return
        }
        let cache = steps.firstIndex { Self.value($0, "uses")?.text?.hasPrefix("actions/cache@") == true
                                       && Self.value(Self.value($0, "with"), "path")?.text == ".cache/bilder" }
        let build = steps.firstIndex { Self.value($0, "run")?.text?.contains("make site") == true }
        #expect(cache != nil && build != nil && cache! < build!, "\(workflow): the picture cache is not restored before the build")
    }
}
