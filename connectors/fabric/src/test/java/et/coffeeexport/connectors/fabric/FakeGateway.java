package et.coffeeexport.connectors.fabric;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Fabric's Gateway service in the same JVM, one in-process server per "peer" of one organisation.
 * It checks every signature against the signer's certificate, records every request (which peer got
 * it, its transaction id) and answers from a per-test script: for each kind of call, a queue of
 * answers, then a default once the queue is empty (endorse: a prepared transaction; submit:
 * accepted; commit status: VALID; evaluate: {@link #RESULT}).
 */
final class FakeGateway implements AutoCloseable {
  static final byte[] RESULT = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  enum Method {
    ENDORSE,
    SUBMIT,
    COMMIT_STATUS,
    EVALUATE
  }

  /**
   * One request as the fake saw it.
   *
   * @param transaction the signed content: proposal bytes (endorse, evaluate), the transaction
   *     envelope's payload (submit), the status request (commit status)
   */
  record Call(Method method, int peer, String txId, ByteString transaction) {}

  /** How the fake answers one request. */
  record Answer(Kind kind, Status.Code code, String detail, TxValidationCode validation) {
    enum Kind {
      OK,
      FAIL,
      HANG
    }

    static Answer ok() {
      return new Answer(Kind.OK, null, null, TxValidationCode.VALID);
    }

    /** A gRPC failure, as from a peer that is down or overloaded. */
    static Answer fail(Status.Code code) {
      return new Answer(Kind.FAIL, code, null, null);
    }

    /**
     * The gateway's answer when the chaincode refused: ABORTED, with the endorsing peer's message
     * in the error details.
     */
    static Answer chaincodeError(String peerMessage) {
      return new Answer(Kind.FAIL, Status.Code.ABORTED, peerMessage, null);
    }

    /** No answer at all: the call ends only by its deadline. */
    static Answer hang() {
      return new Answer(Kind.HANG, null, null, null);
    }

    /** For commit status: the transaction was committed with this validation code. */
    static Answer committed(TxValidationCode code) {
      return new Answer(Kind.OK, null, null, code);
    }
  }

  private final String mspId;
  private final List<Server> servers = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<Method, Deque<Answer>> scripts = new EnumMap<>(Method.class);
  private final Map<Method, Answer> defaults = new EnumMap<>(Method.class);
  private final AtomicLong blocks = new AtomicLong(100);

  /**
   * @param mspId whose signatures the fake accepts
   * @param peers how many peers the organisation has
   */
  FakeGateway(String mspId, int peers) {
    this.mspId = mspId;
    for (Method m : Method.values()) {
      scripts.put(m, new ConcurrentLinkedDeque<>());
      defaults.put(m, Answer.ok());
    }
    try {
      for (int i = 0; i < peers; i++) {
        String name = InProcessServerBuilder.generateName();
        servers.add(InProcessServerBuilder.forName(name).addService(new Peer(i)).build().start());
        names.add(name);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
  }

  /** Answers the next requests of {@code method}, in order, whichever peer gets them. */
  FakeGateway script(Method method, Answer... answers) {
    scripts.get(method).addAll(List.of(answers));
    return this;
  }

  /** How {@code method} is answered once its script is used up. */
  FakeGateway otherwise(Method method, Answer answer) {
    defaults.put(method, answer);
    return this;
  }

  /** New channels, one per peer, peer0 first: what the ledger would open for the organisation. */
  List<ManagedChannel> channels() {
    return names.stream().map(n -> InProcessChannelBuilder.forName(n).build()).toList();
  }

  List<Call> calls(Method method) {
    return calls.stream().filter(c -> c.method() == method).toList();
  }

  List<String> txIds(Method method) {
    return calls(method).stream().map(Call::txId).toList();
  }

  List<Integer> peers(Method method) {
    return calls(method).stream().map(Call::peer).toList();
  }

  @Override
  public void close() {
    servers.forEach(Server::shutdownNow);
  }

  private Answer next(Method method) {
    Answer scripted = scripts.get(method).poll();
    return scripted != null ? scripted : defaults.get(method);
  }

  /** One peer's Gateway service. */
  private final class Peer extends GatewayGrpc.GatewayImplBase {
    private final int index;

    Peer(int index) {
      this.index = index;
    }

    @Override
    public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> response) {
      SignedProposal signed = request.getProposedTransaction();
      calls.add(
          new Call(Method.ENDORSE, index, request.getTransactionId(), signed.getProposalBytes()));
      answer(
          Method.ENDORSE,
          response,
          () -> {
            Header header = checkProposal(signed, request.getTransactionId());
            return EndorseResponse.newBuilder()
                .setPreparedTransaction(preparedTransaction(header))
                .build();
          });
    }

    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> response) {
      SignedProposal signed = request.getProposedTransaction();
      calls.add(
          new Call(Method.EVALUATE, index, request.getTransactionId(), signed.getProposalBytes()));
      answer(
          Method.EVALUATE,
          response,
          () -> {
            checkProposal(signed, request.getTransactionId());
            return EvaluateResponse.newBuilder().setResult(chaincodeResponse()).build();
          });
    }

    @Override
    public void submit(SubmitRequest request, StreamObserver<SubmitResponse> response) {
      Envelope envelope = request.getPreparedTransaction();
      calls.add(new Call(Method.SUBMIT, index, request.getTransactionId(), envelope.getPayload()));
      answer(
          Method.SUBMIT,
          response,
          () -> {
            Header header = Payload.parseFrom(envelope.getPayload()).getHeader();
            checkTxId(header, request.getTransactionId());
            verify(
                SignatureHeader.parseFrom(header.getSignatureHeader()).getCreator(),
                envelope.getPayload(),
                envelope.getSignature());
            return SubmitResponse.getDefaultInstance();
          });
    }

    @Override
    public void commitStatus(
        SignedCommitStatusRequest request, StreamObserver<CommitStatusResponse> response) {
      CommitStatusRequest status;
      try {
        status = CommitStatusRequest.parseFrom(request.getRequest());
      } catch (InvalidProtocolBufferException e) {
        response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asException());
        return;
      }
      calls.add(
          new Call(Method.COMMIT_STATUS, index, status.getTransactionId(), request.getRequest()));
      Answer answer = next(Method.COMMIT_STATUS);
      answer(
          answer,
          response,
          () -> {
            verify(status.getIdentity(), request.getRequest(), request.getSignature());
            return CommitStatusResponse.newBuilder()
                .setResult(answer.validation())
                .setBlockNumber(blocks.incrementAndGet())
                .build();
          });
    }

    private <T> void answer(Method method, StreamObserver<T> response, Reply<T> reply) {
      answer(next(method), response, reply);
    }

    private <T> void answer(Answer answer, StreamObserver<T> response, Reply<T> reply) {
      switch (answer.kind()) {
        case HANG -> {
          // Never answered: the client's deadline ends the call.
        }
        case FAIL -> response.onError(failure(answer));
        case OK -> {
          T value;
          try {
            value = reply.get();
          } catch (InvalidProtocolBufferException | GeneralSecurityException e) {
            response.onError(
                Status.PERMISSION_DENIED.withDescription("fake gateway: " + e).asException());
            return;
          }
          response.onNext(value);
          response.onCompleted();
        }
      }
    }

    private Throwable failure(Answer answer) {
      if (answer.detail() == null) {
        return Status.fromCode(answer.code())
            .withDescription("fake peer" + index + " says " + answer.code())
            .asRuntimeException();
      }
      var status =
          com.google.rpc.Status.newBuilder()
              .setCode(answer.code().value())
              .setMessage("failed to endorse transaction, see attached details for more info")
              .addDetails(
                  Any.pack(
                      ErrorDetail.newBuilder()
                          .setAddress("peer" + index + ".fake:7051")
                          .setMspId(mspId)
                          .setMessage(answer.detail())
                          .build()))
              .build();
      return StatusProto.toStatusRuntimeException(status);
    }

    /** The proposal's header, once its signature and transaction id are checked. */
    private Header checkProposal(SignedProposal signed, String txId)
        throws InvalidProtocolBufferException, GeneralSecurityException {
      Header header = Header.parseFrom(Proposal.parseFrom(signed.getProposalBytes()).getHeader());
      checkTxId(header, txId);
      verify(
          SignatureHeader.parseFrom(header.getSignatureHeader()).getCreator(),
          signed.getProposalBytes(),
          signed.getSignature());
      return header;
    }
  }

  private interface Reply<T> {
    T get() throws InvalidProtocolBufferException, GeneralSecurityException;
  }

  private static void checkTxId(Header header, String txId)
      throws InvalidProtocolBufferException, GeneralSecurityException {
    String inHeader = ChannelHeader.parseFrom(header.getChannelHeader()).getTxId();
    if (!inHeader.equals(txId)) {
      throw new GeneralSecurityException("request for " + txId + " carries " + inHeader);
    }
  }

  /** Checks {@code signature} over {@code message} against the creator's certificate and MSP. */
  private void verify(ByteString creator, ByteString message, ByteString signature)
      throws InvalidProtocolBufferException, GeneralSecurityException {
    SerializedIdentity identity = SerializedIdentity.parseFrom(creator);
    if (!identity.getMspid().equals(mspId)) {
      throw new GeneralSecurityException("signed by " + identity.getMspid() + ", not " + mspId);
    }
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(identity.getIdBytes().toByteArray()));
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(cert.getPublicKey());
    verifier.update(message.toByteArray());
    if (!verifier.verify(signature.toByteArray())) {
      throw new GeneralSecurityException("bad signature");
    }
  }

  private static Response chaincodeResponse() {
    return Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(RESULT)).build();
  }

  /**
   * What a gateway returns from Endorse: the unsigned transaction envelope, with the proposal's
   * header and one action carrying the chaincode's response.
   */
  private static Envelope preparedTransaction(Header header) {
    ChaincodeAction action = ChaincodeAction.newBuilder().setResponse(chaincodeResponse()).build();
    ProposalResponsePayload responsePayload =
        ProposalResponsePayload.newBuilder().setExtension(action.toByteString()).build();
    ChaincodeActionPayload actionPayload =
        ChaincodeActionPayload.newBuilder()
            .setAction(
                ChaincodeEndorsedAction.newBuilder()
                    .setProposalResponsePayload(responsePayload.toByteString()))
            .build();
    Transaction transaction =
        Transaction.newBuilder()
            .addActions(
                TransactionAction.newBuilder()
                    .setHeader(header.getSignatureHeader())
                    .setPayload(actionPayload.toByteString()))
            .build();
    Payload payload =
        Payload.newBuilder().setHeader(header).setData(transaction.toByteString()).build();
    return Envelope.newBuilder().setPayload(payload.toByteString()).build();
  }
}
