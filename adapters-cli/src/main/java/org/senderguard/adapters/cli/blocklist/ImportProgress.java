package org.senderguard.adapters.cli.blocklist;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bar of imports, shown only on a terminal. */
public final class ImportProgress {

    private ImportProgress() {
    }

    /** A bar counting up to {@code rows}, or null when the output goes to a file or a pipe. */
    public static ProgressBar bar(long rows) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("import").setInitialMax(rows).setUnit(" rows", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
    }
}
