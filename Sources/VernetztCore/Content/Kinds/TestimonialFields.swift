/// `stimmen/`: a quote; the body is the quote itself.
public struct TestimonialFields: Sendable {
    public var source: String
    public var format: Reference?
    public var caseStudy: Reference?
    public var date: ContentDate?

    init(reading reader: inout FieldReader) {
        source = reader.string("source", required: true) ?? ""
        format = reader.reference("format", to: .format)
        caseStudy = reader.reference("casestudy", to: .caseStudy)
        date = reader.date("date")
    }

    var references: [Reference] { [format, caseStudy].compactMap { $0 } }
}
