package org.senderguard.adapters.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version that the build wrote into {@code senderguard-version.properties}. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/senderguard-version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return new String[] {"senderguard " + properties.getProperty("version")};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
