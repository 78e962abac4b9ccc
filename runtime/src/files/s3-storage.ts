import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { FileStorage } from './file-storage';

export interface S3StorageOptions {
  bucket: string;
  /** Prepended to every key, e.g. `tessera/`. */
  prefix?: string;
  region?: string;
  /** A non-AWS endpoint (MinIO, OSS, COS, a test server). */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Else the SDK's default chain (AWS_* variables, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/**
 * File contents in an S3-compatible bucket. Streamed both ways: a write is a multipart upload
 * fed from the stream (5 MB parts, so memory stays flat for any size), a read hands back the
 * response body as it arrives. S3 makes an object visible only once its upload completes, so
 * a reader never sees half a file, as with local disk.
 */
export function s3FileStorage(options: S3StorageOptions, client: S3Client = s3Client(options)): FileStorage {
  const Bucket = options.bucket;
  const Key = (key: string) => `${options.prefix ?? ''}${key}`;
  return {
    async read(key) {
      const res = await client.send(new GetObjectCommand({ Bucket, Key: Key(key) }));
      if (!(res.Body instanceof Readable)) throw new Error(`The object ${Key(key)} has no body stream`);
      return res.Body;
    },
    async write(key, body) {
      // A restore hands over tar entries (streamx streams): async-iterable, but not a Node Readable the SDK accepts.
      const Body = body instanceof Readable ? body : Readable.from(body);
      await new Upload({ client, params: { Bucket, Key: Key(key), Body }, queueSize: 2, partSize: 5 * 1024 * 1024 }).done();
    },
    async size(key) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket, Key: Key(key) }))).ContentLength;
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: Key(key) })); // absent: S3 answers 204 too
    },
  };
}

export function s3Client(options: S3StorageOptions): S3Client {
  const config: S3ClientConfig = {
    region: options.region ?? 'us-east-1',
    forcePathStyle: options.forcePathStyle ?? false,
    // Checksums only where S3 demands them: S3-compatible services (MinIO, OSS, COS, older
    // gateways) refuse or mis-store the SDK's default aws-chunked checksum trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.credentials) config.credentials = options.credentials;
  return new S3Client(config);
}
