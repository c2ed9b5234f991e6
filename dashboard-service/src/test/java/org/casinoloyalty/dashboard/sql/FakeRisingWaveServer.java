package org.casinoloyalty.dashboard.sql;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A PostgreSQL-wire (protocol 3) server on a loopback port that opens a session as RisingWave v2.8.5
 * does and answers {@link #QUERY} with one TIMESTAMP in the result format each Bind asks for. It also
 * answers what pgjdbc and Hikari send by themselves ({@code SET …}, {@code SHOW TRANSACTION ISOLATION
 * LEVEL}, the empty validation query), records every Bind, and takes no parameters.
 */
final class FakeRisingWaveServer implements AutoCloseable {

	static final String QUERY = "SELECT ts FROM t";

	/** One Bind: the statement it bound ("" = unnamed), that statement's SQL, its result-format codes. */
	record Bind(String statement, String sql, List<Short> resultFormats) {
		boolean asksForBinary() {
			return resultFormats.contains((short) 1);
		}
	}

	private record Column(String name, int oid, short typeLength, byte[] text, byte[] binary) {
	}

	private interface Body {
		void write(DataOutputStream out) throws IOException;
	}

	private static final int SSL_REQUEST = 80877103, PROTOCOL_3 = 196608;
	private static final LocalDateTime PG_EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);
	// RisingWave's text form (ToText for Timestamp, src/common/src/types/datetime.rs) of a value with microseconds.
	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

	private final boolean integerDatetimes;
	private final Map<String, Column> rowQueries;
	private final ServerSocket listener = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
	private final List<Bind> binds = new CopyOnWriteArrayList<>();
	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	/** {@code integerDatetimes}: false = as RisingWave v2.8.5; true = also {@code integer_datetimes=on}, as PostgreSQL. */
	FakeRisingWaveServer(LocalDateTime ts, boolean integerDatetimes) throws IOException {
		this.integerDatetimes = integerDatetimes;
		byte[] isolation = "read committed".getBytes(UTF_8);
		rowQueries = Map.of(QUERY, new Column("ts", 1114, (short) 8, TEXT.format(ts).getBytes(UTF_8), timestampBinary(ts)),
				"SHOW TRANSACTION ISOLATION LEVEL", new Column("transaction_isolation", 1043, (short) -1, isolation, isolation));
		Thread.ofPlatform().daemon().name("fake-risingwave-accept").start(this::accept);
	}

	/**
	 * RisingWave's binary TIMESTAMP: src/common/src/types/to_binary.rs (v2.8.5) line 76,
	 * {@code { Timestamp, Timestamp, |x: &Timestamp| x.0 }}, hands the chrono NaiveDateTime to
	 * postgres-types 0.2.6 (src/chrono_04.rs: microseconds since 2000-01-01 00:00:00), written by
	 * postgres-protocol 0.6.6 {@code timestamp_to_sql} as {@code buf.put_i64(v)}: 8 bytes, big-endian.
	 */
	static byte[] timestampBinary(LocalDateTime ts) {
		return ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH, ts)).array();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/dev";
	}

	List<Bind> binds() {
		return List.copyOf(binds);
	}

	List<Throwable> failures() {
		return List.copyOf(failures);
	}

	@Override
	public void close() throws IOException {
		listener.close();
		for (Socket socket : sockets) {
			socket.close();
		}
	}

	private void accept() {
		try {
			while (true) {
				Socket socket = listener.accept();
				sockets.add(socket);
				Thread.ofPlatform().daemon().name("fake-risingwave-session").start(() -> serve(socket));
			}
		}
		catch (IOException e) {
			if (!listener.isClosed()) {
				failures.add(e);
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setSoTimeout(10_000); // a stuck exchange fails the test (recorded below) instead of hanging it
			new Session(new DataInputStream(new BufferedInputStream(socket.getInputStream())), socket.getOutputStream()).run();
		}
		catch (EOFException | SocketException closed) {
			// the client went away, or close() closed the socket
		}
		catch (IOException | RuntimeException e) {
			failures.add(e);
		}
		finally {
			sockets.remove(socket);
		}
	}

	private final class Session {

		private final DataInputStream in;
		private final OutputStream out;
		private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
		private final Map<String, String> statements = new HashMap<>();
		private final Map<String, Bind> portals = new HashMap<>();
		private boolean skipToSync;

		Session(DataInputStream in, OutputStream out) {
			this.in = in;
			this.out = out;
		}

		void run() throws IOException {
			startUp();
			while (true) {
				int type = in.readUnsignedByte();
				ByteBuffer body = ByteBuffer.wrap(in.readNBytes(in.readInt() - 4));
				switch (type) {
					case 'X' -> { return; }
					case 'S' -> { skipToSync = false; readyForQuery(); flush(); }
					case 'H' -> flush();
					case 'Q' -> simpleQuery(cstring(body));
					default -> { if (!skipToSync) extended(type, body); }
				}
			}
		}

		/** src/utils/pgwire/src/pg_protocol.rs (v2.8.5): process_startup_msg, UserAuthenticator::None. */
		private void startUp() throws IOException {
			int length = in.readInt(), code = in.readInt();
			if (code == SSL_REQUEST) { // no TLS configured: EncryptionResponseNo
				out.write('N');
				out.flush();
				length = in.readInt();
				code = in.readInt();
			}
			if (code != PROTOCOL_3) {
				throw new IOException("unexpected start-up code " + code);
			}
			ByteBuffer body = ByteBuffer.wrap(in.readNBytes(length - 8));
			Map<String, String> options = new HashMap<>();
			for (String key = cstring(body); !key.isEmpty(); key = cstring(body)) {
				options.put(key, cstring(body));
			}
			message('R', d -> d.writeInt(0)); // AuthenticationOk
			message('K', d -> { d.writeInt(1); d.writeInt(4242); }); // BackendKeyData(session.id())
			parameterStatus("TimeZone", "UTC"); // the session's timezone, default UTC (session_config/mod.rs)
			// write_parameter_status_msg_no_flush: exactly these, never integer_datetimes
			parameterStatus("client_encoding", "UTF8");
			parameterStatus("standard_conforming_strings", "on");
			parameterStatus("server_version", "13.14.0");
			if (options.containsKey("application_name")) {
				parameterStatus("application_name", options.get("application_name"));
			}
			if (integerDatetimes) {
				parameterStatus("integer_datetimes", "on");
			}
			readyForQuery();
			flush();
		}

		private void extended(int type, ByteBuffer body) throws IOException {
			switch (type) {
				case 'P' -> {
					String name = cstring(body), sql = cstring(body);
					if (known(sql)) {
						statements.put(name, sql);
						message('1', d -> { }); // ParseComplete
					}
					else {
						error("the fake RisingWave knows no query " + sql);
						skipToSync = true;
					}
				}
				case 'B' -> {
					String portal = cstring(body), statement = cstring(body);
					int parameterFormats = body.getShort();
					body.position(body.position() + 2 * parameterFormats);
					if (body.getShort() != 0) {
						throw new IOException("the fake takes no parameters");
					}
					List<Short> formats = new ArrayList<>();
					for (int i = body.getShort(); i > 0; i--) {
						formats.add(body.getShort());
					}
					Bind bind = new Bind(statement, statements.get(statement), List.copyOf(formats));
					binds.add(bind);
					portals.put(portal, bind);
					message('2', d -> { }); // BindComplete
				}
				case 'D' -> {
					boolean statement = body.get() == 'S';
					String name = cstring(body);
					if (statement) {
						message('t', d -> d.writeShort(0)); // ParameterDescription: none
					}
					rowDescription(statement ? statements.get(name) : portals.get(name).sql(),
							statement ? List.of() : portals.get(name).resultFormats());
				}
				case 'E' -> {
					Bind portal = portals.get(cstring(body));
					results(portal.sql(), portal.resultFormats());
				}
				case 'C' -> message('3', d -> { }); // CloseComplete
				default -> throw new IOException("unsupported message " + (char) type);
			}
		}

		private void simpleQuery(String sql) throws IOException {
			if (!known(sql)) {
				error("the fake RisingWave knows no query " + sql);
			}
			else {
				if (rowQueries.containsKey(sql)) {
					rowDescription(sql, List.of());
				}
				results(sql, List.of());
			}
			readyForQuery();
			flush();
		}

		private boolean known(String sql) {
			return sql.isEmpty() || sql.startsWith("SET ") || rowQueries.containsKey(sql);
		}

		private void rowDescription(String sql, List<Short> formats) throws IOException {
			Column column = rowQueries.get(sql);
			if (column == null) {
				message('n', d -> { }); // NoData
				return;
			}
			message('T', d -> {
				d.writeShort(1);
				d.write((column.name() + '\0').getBytes(UTF_8));
				d.writeInt(0); // table OID
				d.writeShort(0); // column number
				d.writeInt(column.oid());
				d.writeShort(column.typeLength());
				d.writeInt(-1); // type modifier
				d.writeShort(format(formats));
			});
		}

		private void results(String sql, List<Short> formats) throws IOException {
			Column column = rowQueries.get(sql);
			if (sql.isEmpty()) {
				message('I', d -> { }); // EmptyQueryResponse
				return;
			}
			if (column != null) {
				byte[] value = format(formats) == 1 ? column.binary() : column.text();
				message('D', d -> { d.writeShort(1); d.writeInt(value.length); d.write(value); });
			}
			String tag = column == null ? "SET" : sql.startsWith("SHOW") ? "SHOW" : "SELECT 1";
			message('C', d -> d.write((tag + '\0').getBytes(UTF_8)));
		}

		/** The one column's format: no codes = text, otherwise the first code (one code applies to all). */
		private static short format(List<Short> formats) {
			return formats.isEmpty() ? 0 : formats.getFirst();
		}

		private void error(String text) throws IOException {
			message('E', d -> d.write(("SERROR\0VERROR\0CXX000\0M" + text + "\0\0").getBytes(UTF_8)));
		}

		private void parameterStatus(String name, String value) throws IOException {
			message('S', d -> d.write((name + '\0' + value + '\0').getBytes(UTF_8)));
		}

		private void readyForQuery() throws IOException {
			message('Z', d -> d.writeByte('I'));
		}

		private void message(char type, Body body) throws IOException {
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			body.write(new DataOutputStream(content));
			DataOutputStream frame = new DataOutputStream(pending);
			frame.writeByte(type);
			frame.writeInt(content.size() + 4);
			content.writeTo(frame);
		}

		private void flush() throws IOException {
			pending.writeTo(out);
			out.flush();
			pending.reset();
		}

		private static String cstring(ByteBuffer buffer) {
			int start = buffer.position();
			while (buffer.get() != 0) {
				// up to the terminating NUL
			}
			return new String(buffer.array(), start, buffer.position() - start - 1, UTF_8);
		}

	}

}
