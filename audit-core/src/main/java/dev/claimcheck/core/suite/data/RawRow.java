package dev.claimcheck.core.suite.data;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One row as parsed, before the field mapping: its first line and its fields (CSV cells become strings). */
record RawRow(int line, ObjectNode fields) {
}
