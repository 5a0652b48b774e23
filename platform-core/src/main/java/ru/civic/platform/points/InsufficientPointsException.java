package ru.civic.platform.points;

/** A debit larger than the balance: nothing was written. */
public class InsufficientPointsException extends RuntimeException {

    private final long balance;
    private final int requested;

    public InsufficientPointsException(long balance, int requested) {
        super("Balance " + balance + " is less than " + requested);
        this.balance = balance;
        this.requested = requested;
    }

    public long balance() {
        return balance;
    }

    public int requested() {
        return requested;
    }
}
