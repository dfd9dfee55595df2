package dev.claimcheck.core.suite.code;

import dev.claimcheck.core.BadInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data-only reader for the subset of Python pickles (protocol 2 to 5) that datasets such as LiveCodeBench use:
 * str, int, bool, None, list, tuple and dict, with memo references. Any other opcode (notably GLOBAL, REDUCE,
 * BUILD: the ones that run code in Python) is refused, so reading a pickle never constructs anything but plain data.
 * Bounded by its input, which the caller has already size-limited.
 */
final class PickleReader {
    private static final Object MARK = new Object();
    private static final int MAX_ITEMS = 10_000_000;

    private final ByteBuffer in;
    private final Deque<Object> stack = new ArrayDeque<>();
    private final List<Object> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new java.util.HashMap<>();
    private int items;

    private PickleReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The object the pickle holds: String, Long, Boolean, null, List or Map. */
    static Object read(byte[] bytes) {
        try {
            return new PickleReader(bytes).run();
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | java.util.NoSuchElementException e) {
            throw new BadInputException("truncated or malformed pickle");
        }
    }

    private Object run() {
        while (true) {
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> in.get(); // PROTO
                case 0x95 -> in.getLong(); // FRAME: a length hint only
                case 0x8c -> push(string(in.get() & 0xff)); // SHORT_BINUNICODE
                case 'X' -> push(string(Integer.toUnsignedLong(in.getInt()))); // BINUNICODE
                case 0x8d -> push(string(in.getLong())); // BINUNICODE8
                case 0x94 -> memo.put((long) memo.size(), stack.peek()); // MEMOIZE
                case 'q' -> memo.put((long) (in.get() & 0xff), stack.peek()); // BINPUT
                case 'r' -> memo.put(Integer.toUnsignedLong(in.getInt()), stack.peek()); // LONG_BINPUT
                case 'h' -> push(memoGet(in.get() & 0xff)); // BINGET
                case 'j' -> push(memoGet(Integer.toUnsignedLong(in.getInt()))); // LONG_BINGET
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'K' -> push((long) (in.get() & 0xff)); // BININT1
                case 'M' -> push((long) (in.getShort() & 0xffff)); // BININT2
                case 'J' -> push((long) in.getInt()); // BININT
                case ']' -> push(new ArrayList<>()); // EMPTY_LIST
                case ')' -> push(List.of()); // EMPTY_TUPLE
                case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case '(' -> push(MARK);
                case 'a' -> { // APPEND
                    Object v = pop();
                    list(stack.peek()).add(v);
                }
                case 'e' -> { // APPENDS
                    List<Object> vs = popToMark();
                    list(stack.peek()).addAll(vs);
                }
                case 's' -> { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    dict(stack.peek()).put(key(k), v);
                }
                case 'u' -> { // SETITEMS
                    List<Object> kvs = popToMark();
                    Map<String, Object> d = dict(stack.peek());
                    for (int i = 0; i + 1 < kvs.size(); i += 2) {
                        d.put(key(kvs.get(i)), kvs.get(i + 1));
                    }
                }
                case 't' -> push(List.copyOf(popToMarkNullable())); // TUPLE
                case 0x85 -> push(tuple(1)); // TUPLE1
                case 0x86 -> push(tuple(2)); // TUPLE2
                case 0x87 -> push(tuple(3)); // TUPLE3
                case '.' -> { // STOP
                    if (stack.size() != 1) {
                        throw new BadInputException("malformed pickle: " + stack.size() + " values at STOP");
                    }
                    return unwrap(stack.pop());
                }
                default -> throw new BadInputException(String.format(
                        "pickle opcode 0x%02x is not supported (only plain data: str, int, list, dict, None)", op));
            }
        }
    }

    private String string(long length) {
        if (length < 0 || length > in.remaining()) {
            throw new BadInputException("malformed pickle: string of " + length + " bytes past the end");
        }
        byte[] b = new byte[(int) length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private void push(Object o) {
        if (++items > MAX_ITEMS) {
            throw new BadInputException("pickle holds more than " + MAX_ITEMS + " values");
        }
        stack.push(o == null ? NullValue.NULL : o);
    }

    private Object pop() {
        return unwrap(stack.pop());
    }

    private Object memoGet(long i) {
        if (!memo.containsKey(i)) {
            throw new BadInputException("malformed pickle: memo " + i + " unset");
        }
        return memo.get(i);
    }

    private List<Object> popToMark() {
        List<Object> out = new ArrayList<>();
        while (true) {
            Object o = stack.pop();
            if (o == MARK) {
                break;
            }
            out.add(0, unwrap(o));
        }
        return out;
    }

    private List<Object> popToMarkNullable() {
        return popToMark();
    }

    private List<Object> tuple(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(0, pop());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw new BadInputException("malformed pickle: append to a non-list");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dict(Object o) {
        if (o instanceof LinkedHashMap<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new BadInputException("malformed pickle: setitem on a non-dict");
    }

    private static String key(Object k) {
        if (k instanceof String s) {
            return s;
        }
        throw new BadInputException("pickle dict keys must be strings");
    }

    private static Object unwrap(Object o) {
        return o == NullValue.NULL ? null : o;
    }

    /** ArrayDeque holds no nulls; None travels as this. */
    private enum NullValue { NULL }
}
