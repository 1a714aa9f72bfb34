/// The kind-specific part of a document.
public enum KindFields: Sendable {
    case post(PostFields)
    case caseStudy(CaseStudyFields)
    case format(FormatFields)
    case partner(PartnerFields)
    case event(EventFields)
    case person(PersonFields)
    case theme(ThemeFields)
    case testimonial(TestimonialFields)
    case page

    init(kind: ContentKind, reading reader: inout FieldReader) {
        switch kind {
        case .post: self = .post(PostFields(reading: &reader))
        case .caseStudy: self = .caseStudy(CaseStudyFields(reading: &reader))
        case .format: self = .format(FormatFields(reading: &reader))
        case .partner: self = .partner(PartnerFields(reading: &reader))
        case .event: self = .event(EventFields(reading: &reader))
        case .person: self = .person(PersonFields(reading: &reader))
        case .theme: self = .theme(ThemeFields(reading: &reader))
        case .testimonial: self = .testimonial(TestimonialFields(reading: &reader))
        case .page: self = .page
        }
    }

    /// Every front-matter reference, in the order written.
    public var references: [Reference] {
        switch self {
        case .post(let f): f.references
        case .caseStudy(let f): f.references
        case .format(let f): f.references
        case .event(let f): f.references
        case .person(let f): f.references
        case .theme(let f): f.references
        case .testimonial(let f): f.references
        case .partner, .page: []
        }
    }

    /// The date lists sort by: publication for posts and case studies, the start for events.
    public var date: ContentDate? {
        switch self {
        case .post(let f): f.date
        case .caseStudy(let f): f.date
        case .event(let f): f.start
        case .testimonial(let f): f.date
        default: nil
        }
    }
}
