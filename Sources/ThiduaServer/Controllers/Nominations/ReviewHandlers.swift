import Hummingbird
import ThiduaCore
import ThiduaStore

/// Council reviews of a model or a nomination are the same act: the two controllers hand their subject to these.
struct ReviewHandlers {
    let reviews: ReviewRepository

    /// `POST …/reviews`: scores for every criterion, a vote and a comment (council members).
    func submit(_ subject: ReviewRepository.Subject, _ request: Request, _ context: AuthenticatedContext) async throws
        -> EditedResponse<ReviewRepository.Summary>
    {
        try Policy.require(context.account, .review)
        let body = try await request.decode(as: ReviewRequest.self, context: context)
        let vote = try FieldParsing.choice(body.vote, Vote.self, field: "vote", message: "vote phải là agree, disagree hoặc abstain.")
        let summary = try await reviews.review(
            subject, by: context.account, scores: body.scores ?? [:], vote: vote, comment: VietnameseText.normalized(body.comment ?? ""),
            logger: context.logger)
        return EditedResponse(status: .created, response: summary)
    }

    /// `GET …/reviews`: progress, and the reviews the viewer may see.
    func summary(_ subject: ReviewRepository.Subject, _ context: AuthenticatedContext) async throws -> ReviewRepository.Summary {
        try Policy.require(context.account, .readReviews)
        return try await reviews.summary(subject, viewer: context.account, logger: context.logger)
    }
}
