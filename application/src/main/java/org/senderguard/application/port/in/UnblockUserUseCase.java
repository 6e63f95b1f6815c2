package org.senderguard.application.port.in;

public interface UnblockUserUseCase {

    /**
     * Lifts the restriction if the unblock limit allows it (checked in the database, so racing
     * unblocks cannot both pass), records the unblock and audits it.
     *
     * @return the user's unblock allowance after this unblock
     * @throws org.senderguard.domain.common.NotFoundException when the user is not restricted
     * @throws org.senderguard.domain.common.ConflictException {@code unblock-limit-reached}
     */
    RestrictedUser unblock(UnblockCommand command);
}
