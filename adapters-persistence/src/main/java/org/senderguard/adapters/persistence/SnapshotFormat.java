package org.senderguard.adapters.persistence;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import java.util.zip.CRC32C;
import org.senderguard.application.port.out.BlockListSnapshots.ListSnapshot;
import org.senderguard.application.port.out.BlockListSnapshots.Snapshot;
import org.senderguard.application.port.out.BlockListSnapshots.Stored;
import org.senderguard.application.port.out.BlockListSnapshots.UnreadableSnapshotException;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.tenant.TenantId;

/**
 * The snapshot file, big-endian: magic {@code SGBL}, format version, the database's identity, the
 * list version, the entry count, the number of lists; per list its tenant (or none: the service
 * list) and entry count; per entry its type, canonical value (UTF-8), id, expiry (or none),
 * whether it is delistable and its exceptions; then a CRC32C of everything before it.
 */
final class SnapshotFormat {

    static final int MAGIC = 0x5347424c; // "SGBL"
    static final int FORMAT = 1;
    private static final EntryType[] TYPES = EntryType.values();

    private SnapshotFormat() {
    }

    /** Writes everything but the checksum, which the caller appends. */
    static void write(Snapshot snapshot, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        text(out, snapshot.databaseId());
        out.writeLong(snapshot.version());
        out.writeLong(snapshot.entryCount());
        out.writeInt(snapshot.lists().size());
        for (ListSnapshot list : snapshot.lists()) {
            out.writeBoolean(list.tenant() != null);
            if (list.tenant() != null) {
                uuid(out, list.tenant().value());
            }
            out.writeInt(list.entries().size());
            for (ListedEntry entry : list.entries()) {
                out.writeByte(entry.type().ordinal());
                text(out, entry.value().value());
                uuid(out, entry.id());
                out.writeBoolean(entry.expiresAt() != null);
                if (entry.expiresAt() != null) {
                    out.writeLong(entry.expiresAt().getEpochSecond());
                    out.writeInt(entry.expiresAt().getNano());
                }
                out.writeBoolean(entry.delistable());
                out.writeShort(entry.exceptions().size());
                for (String exception : entry.exceptions()) {
                    text(out, exception);
                }
            }
        }
    }

    /**
     * Checks a whole file (magic, format, checksum) and reads what it is consistent with; its entries
     * are decoded as they are asked for. Throws UnreadableSnapshotException naming what is wrong.
     */
    static Stored open(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        try {
            if (in.getInt() != MAGIC) {
                throw new UnreadableSnapshotException("not a block-list snapshot");
            }
            int format = in.getInt();
            if (format != FORMAT) {
                throw new UnreadableSnapshotException("format " + format + ", expected " + FORMAT);
            }
            checksum(file);
            return new Decoder(text(in), in.getLong(), in.getLong(), in);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new UnreadableSnapshotException("truncated");
        }
    }

    /**
     * Decodes the entries on a thread of its own, a batch ahead of the caller, so that decoding and
     * the caller's indexing run at the same time.
     */
    private record Decoder(String databaseId, long version, long entryCount, ByteBuffer in) implements Stored {

        private static final int BATCH = 4096;
        private static final Batch END = new Batch(null, List.of(), null);

        private record Batch(TenantId tenant, List<ListedEntry> entries, RuntimeException failure) {
        }

        @Override
        public void entries(BiConsumer<TenantId, List<ListedEntry>> sink) {
            BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(16);
            Thread decoder = new Thread(() -> decode(batches), "block-list-snapshot-decoder");
            decoder.setDaemon(true);
            decoder.start();
            try {
                for (Batch batch = take(batches); batch != END; batch = take(batches)) {
                    if (batch.failure() != null) {
                        throw batch.failure();
                    }
                    sink.accept(batch.tenant(), batch.entries());
                }
            } finally {
                decoder.interrupt();
            }
        }

        private void decode(BlockingQueue<Batch> batches) {
            try {
                long decoded = 0;
                int listCount = in.getInt();
                for (int l = 0; l < listCount; l++) {
                    TenantId tenant = in.get() != 0 ? new TenantId(uuid(in)) : null;
                    int size = in.getInt();
                    List<ListedEntry> batch = new ArrayList<>(BATCH);
                    for (int e = 0; e < size; e++) {
                        batch.add(entry(in));
                        if (batch.size() == BATCH || e == size - 1) {
                            batches.put(new Batch(tenant, batch, null));
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    decoded += size;
                }
                if (decoded != entryCount || in.remaining() != Integer.BYTES) {
                    throw new UnreadableSnapshotException("its contents do not add up");
                }
                batches.put(END);
            } catch (InterruptedException stopped) {
                // The reader gave up.
            } catch (BufferUnderflowException e) {
                offer(batches, new UnreadableSnapshotException("truncated"));
            } catch (UnreadableSnapshotException e) {
                offer(batches, e);
            } catch (RuntimeException e) {
                offer(batches, new UnreadableSnapshotException("an unreadable entry: " + e.getMessage()));
            }
        }

        private static void offer(BlockingQueue<Batch> batches, UnreadableSnapshotException failure) {
            try {
                batches.put(new Batch(null, List.of(), failure));
            } catch (InterruptedException stopped) {
                // The reader gave up.
            }
        }

        private static Batch take(BlockingQueue<Batch> batches) {
            try {
                return batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreadableSnapshotException("interrupted while reading");
            }
        }
    }

    private static void checksum(byte[] file) {
        if (file.length < Integer.BYTES * 3) {
            throw new BufferUnderflowException();
        }
        CRC32C crc = new CRC32C();
        crc.update(file, 0, file.length - Integer.BYTES);
        if ((int) crc.getValue() != ByteBuffer.wrap(file, file.length - Integer.BYTES, Integer.BYTES).getInt()) {
            throw new UnreadableSnapshotException("checksum mismatch (truncated or damaged)");
        }
    }

    private static ListedEntry entry(ByteBuffer in) {
        EntryType type = TYPES[in.get()];
        // The checksum vouches for what was written: values the index held, checked when put there.
        BlockedValue value = BlockedValue.ofChecked(type, text(in));
        UUID id = uuid(in);
        Instant expiresAt = in.get() != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
        boolean delistable = in.get() != 0;
        int exceptionCount = in.getShort();
        Set<String> exceptions = exceptionCount == 0 ? Set.of() : new HashSet<>();
        for (int i = 0; i < exceptionCount; i++) {
            exceptions.add(text(in));
        }
        return new ListedEntry(id, value, expiresAt, delistable, exceptions);
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static String text(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }
}
