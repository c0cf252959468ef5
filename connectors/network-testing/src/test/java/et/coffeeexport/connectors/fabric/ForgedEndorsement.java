package et.coffeeexport.connectors.fabric;

import com.google.protobuf.ByteString;
import et.coffeeexport.connectors.testing.Person;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.CollectionHashedReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.HashedRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWriteHash;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A Byzantine member that runs modified peer code: it holds its peer's signing key, so it can sign
 * any write set as its peer's endorsement, past every check its honest peer makes at endorsement
 * (for example that a client outside a collection may not write to it). This takes one honest
 * endorsement by that peer, rewrites the write set, signs the rewritten response with the peer's
 * own key, and submits it as its client: only validation on the other peers stands in the way.
 */
final class ForgedEndorsement {
  private ForgedEndorsement() {}

  /**
   * Submits {@code endorsed} with its write set rewritten by {@code rewrite} and re-signed by the
   * peer whose signing key is {@code peerMsp}; returns the validation code the channel gave it.
   */
  static TxValidationCode submit(
      Person client, Transaction endorsed, Path peerMsp, UnaryOperator<TxReadWriteSet> rewrite)
      throws Exception {
    Signer peer =
        new Credentials(client.org.mspId(), cert(peerMsp), key(peerMsp), null, null).signer();
    PreparedTransaction prepared = PreparedTransaction.parseFrom(endorsed.getBytes());
    Envelope envelope = prepared.getEnvelope();
    Payload payload = Payload.parseFrom(envelope.getPayload());
    org.hyperledger.fabric.protos.peer.Transaction body =
        org.hyperledger.fabric.protos.peer.Transaction.parseFrom(payload.getData());
    TransactionAction action = body.getActions(0);
    ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
    ChaincodeEndorsedAction endorsedAction = actionPayload.getAction();
    ProposalResponsePayload response =
        ProposalResponsePayload.parseFrom(endorsedAction.getProposalResponsePayload());
    ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(response.getExtension());
    TxReadWriteSet forged = rewrite.apply(TxReadWriteSet.parseFrom(chaincodeAction.getResults()));

    ByteString forgedResponse =
        response.toBuilder()
            .setExtension(
                chaincodeAction.toBuilder()
                    .setResults(forged.toByteString())
                    .build()
                    .toByteString())
            .build()
            .toByteString();
    ChaincodeEndorsedAction.Builder reEndorsed =
        endorsedAction.toBuilder().setProposalResponsePayload(forgedResponse).clearEndorsements();
    for (Endorsement e : endorsedAction.getEndorsementsList()) {
      String endorser = SerializedIdentity.parseFrom(e.getEndorser()).getMspid();
      if (!endorser.equals(client.org.mspId())) {
        throw new IllegalStateException(
            "the honest endorsement came from " + endorser + ", not " + client.org.mspId());
      }
      byte[] signed = forgedResponse.concat(e.getEndorser()).toByteArray();
      reEndorsed.addEndorsements(
          e.toBuilder().setSignature(ByteString.copyFrom(peer.sign(sha256(signed)))));
    }
    ByteString forgedPayload =
        payload.toBuilder()
            .setData(
                body.toBuilder()
                    .setActions(
                        0,
                        action.toBuilder()
                            .setPayload(
                                actionPayload.toBuilder()
                                    .setAction(reEndorsed)
                                    .build()
                                    .toByteString()))
                    .build()
                    .toByteString())
            .build()
            .toByteString();
    PreparedTransaction forgedTransaction =
        prepared.toBuilder()
            .setEnvelope(envelope.toBuilder().setPayload(forgedPayload).clearSignature())
            .build();
    byte[] signature = client.credentials.signer().sign(sha256(forgedPayload.toByteArray()));
    try {
      client.gateway().newSignedTransaction(forgedTransaction.toByteArray(), signature).submit();
      return TxValidationCode.VALID;
    } catch (CommitException e) {
      return e.getCode();
    }
  }

  /**
   * Adds to the write set of {@code namespace} a write of {@code value} under {@code key} in the
   * private data collection {@code collection}, as a peer would record it: hashes only.
   */
  static UnaryOperator<TxReadWriteSet> privateWrite(
      String namespace, String collection, String key, String value) {
    return rwset -> {
      byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
      byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
      HashedRWSet hashed =
          HashedRWSet.newBuilder()
              .addHashedWrites(
                  KVWriteHash.newBuilder()
                      .setKeyHash(ByteString.copyFrom(sha256(keyBytes)))
                      .setValueHash(ByteString.copyFrom(sha256(valueBytes))))
              .build();
      KVRWSet plain =
          KVRWSet.newBuilder()
              .addWrites(KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFrom(valueBytes)))
              .build();
      CollectionHashedReadWriteSet write =
          CollectionHashedReadWriteSet.newBuilder()
              .setCollectionName(collection)
              .setHashedRwset(hashed.toByteString())
              .setPvtRwsetHash(ByteString.copyFrom(sha256(plain.toByteArray())))
              .build();
      TxReadWriteSet.Builder out = rwset.toBuilder().clearNsRwset();
      boolean found = false;
      for (NsReadWriteSet ns : rwset.getNsRwsetList()) {
        if (ns.getNamespace().equals(namespace)) {
          out.addNsRwset(ns.toBuilder().addCollectionHashedRwset(write));
          found = true;
        } else {
          out.addNsRwset(ns);
        }
      }
      if (!found) {
        out.addNsRwset(
            NsReadWriteSet.newBuilder()
                .setNamespace(namespace)
                .setRwset(KVRWSet.getDefaultInstance().toByteString())
                .addCollectionHashedRwset(write));
      }
      return out.build();
    };
  }

  private static Path cert(Path msp) throws java.io.IOException {
    return only(msp.resolve("signcerts"));
  }

  private static Path key(Path msp) throws java.io.IOException {
    return only(msp.resolve("keystore"));
  }

  private static Path only(Path dir) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(dir)) {
      var all = files.toList();
      if (all.size() != 1) {
        throw new IllegalStateException("expected one file in " + dir + ", found " + all);
      }
      return all.get(0);
    }
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
