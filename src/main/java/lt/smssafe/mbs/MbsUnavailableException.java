package lt.smssafe.mbs;

/**
 * No usable answer from the platform: it could not be reached or did not answer in time, answered with an HTTP error
 * or its own internal error, or answered something this client cannot read. The state is always
 * {@link MbsState#UNAVAILABLE}. Whether a bill, commit or rollback sent just before took effect is unknown: the
 * billing report or {@link MbsDirect#getTransaction} will tell, so look before trying again.
 */
public final class MbsUnavailableException extends MbsException {
    private static final long serialVersionUID = 1L;

    MbsUnavailableException(String description, Throwable cause) {
        super(MbsState.UNAVAILABLE, description, cause);
    }
}
