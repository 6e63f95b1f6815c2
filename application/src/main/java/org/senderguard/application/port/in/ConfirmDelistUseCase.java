package org.senderguard.application.port.in;

/**
 * The delist portal's second step, through the mailed link. An unknown link is NotFoundException;
 * a used or expired one ConflictException ({@code link-used}, {@code link-expired}).
 */
public interface ConfirmDelistUseCase {

    /** What confirming would delist; changes nothing, so mail scanners that open links do no harm. */
    DelistReview preview(String token);

    /** Delists and uses up the link, in one transaction. */
    DelistReview confirm(String token);
}
