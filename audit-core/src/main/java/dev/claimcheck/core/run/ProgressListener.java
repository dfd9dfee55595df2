package dev.claimcheck.core.run;

/** Hears about finished attempts; implementations must be thread-safe. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(long total, long alreadyDone) {
        }

        @Override
        public void attemptFinished(boolean graded, boolean correct) {
        }

        @Override
        public void finished() {
        }
    };

    void started(long total, long alreadyDone);

    void attemptFinished(boolean graded, boolean correct);

    void finished();

    /** One line worth telling the user before the attempts start (e.g. tasks skipped as too long). */
    default void note(String line) {
    }
}
