package org.senderguard.application.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.application.port.in.ReportVerdictUseCase;
import org.senderguard.application.port.in.VerdictReport;
import org.senderguard.application.port.out.MailFlowMeter;
import org.senderguard.application.port.out.MailFlowMeter.Client;
import org.senderguard.application.port.out.MailFlowMeter.Direction;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Rejections;

/**
 * Feeds outbound submissions to the {@link OutboundDecider} in batches: the submissions waiting
 * when a decider thread is free are decided together in one transaction. Every answer follows the
 * commit that makes it durable, and comes within the answer timeout or not at all.
 */
public class OutboundService implements DecideOutboundUseCase, ReportVerdictUseCase {

    private final OutboundDecider decider;
    private final SpamFeed spamFeed;
    private final Batcher<Submission, OutboundDecider.Decided> batcher;
    private final MailFlowMeter meter;
    private final DecisionTimer timer;

    /**
     * @param deciders      runs {@code deciderCount} loops that take batches; shutting it down stops them
     * @param maxBatch      the most submissions decided in one transaction
     * @param answerTimeout the longest a caller waits for its decision: the database's configured wait
     * @param meter         told each decision of the mail-flow API and each batch's size
     */
    public OutboundService(OutboundDecider decider, SpamFeed spamFeed, ExecutorService deciders, int deciderCount,
                           int maxBatch, Duration answerTimeout, MailFlowMeter meter) {
        this.decider = decider;
        this.spamFeed = spamFeed;
        this.meter = meter;
        this.timer = new DecisionTimer(meter);
        this.batcher = new Batcher<>(this::decideAll, deciders, deciderCount, maxBatch, answerTimeout,
                () -> new DatabaseUnavailableException("no decision within " + answerTimeout.toMillis() + " ms"));
    }

    /**
     * Completes when the batch that holds the message has committed, or within the answer timeout
     * with a {@link DatabaseUnavailableException}: a decision is answered only once it is recorded.
     */
    @Override
    public CompletableFuture<Decision> decide(OutboundMessageCommand message) {
        long start = System.nanoTime();
        return timer.timed(Client.REST, Direction.OUTBOUND, start,
                submit(Submission.of(message)).thenApply(OutboundDecider.Decided::decision));
    }

    @Override
    public CompletableFuture<VerdictCounted> report(VerdictReport report) {
        if (!report.verdict().isSpam()) {
            return CompletableFuture.completedFuture(new VerdictCounted(false, false));
        }
        return submit(Submission.of(report)).thenApply(decided -> new VerdictCounted(decided.counted(),
                Rejections.RESTRICTED_SENDER.equals(decided.decision().reply())));
    }

    CompletableFuture<OutboundDecider.Decided> submit(Submission submission) {
        return batcher.submit(submission);
    }

    private List<OutboundDecider.Decided> decideAll(List<Submission> submissions) {
        List<OutboundDecider.Decided> decided = decider.decideAll(submissions);
        meter.batchDecided(submissions.size()); // once decided: a failed batch, retried item by item, is not
        // Only what counted as the tenant's own mail: not a repeat, nor a message refused as sent in
        // another organisation's name or by a restricted sender, whose senders cost nothing to invent.
        for (int i = 0; i < submissions.size(); i++) {
            if (submissions.get(i).kind() == Submission.Kind.MESSAGE && decided.get(i).counted()) {
                spamFeed.observeLater(submissions.get(i));
            }
        }
        return decided;
    }
}
