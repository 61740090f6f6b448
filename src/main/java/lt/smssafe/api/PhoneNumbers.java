package lt.smssafe.api;

/** How a phone number is shown where anyone may look. */
final class PhoneNumbers {
    private static final int KEEP_START = 3;
    private static final int KEEP_END = 2;

    private PhoneNumbers() {
    }

    /**
     * Keeps the first three digits (enough to recognise the country) and the last two (enough for the owner to
     * recognise the phone), hides the rest: {@code 37060000001} becomes {@code 370******01}.
     */
    static String mask(String msisdn) {
        if (msisdn == null || msisdn.length() <= KEEP_START + KEEP_END) {
            return "*****";
        }
        return msisdn.substring(0, KEEP_START) + "*".repeat(msisdn.length() - KEEP_START - KEEP_END)
                + msisdn.substring(msisdn.length() - KEEP_END);
    }
}
