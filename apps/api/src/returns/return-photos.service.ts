import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReturnPhoto } from '@tradecounter/contracts';
import { isCustomerActor, sniffImageType } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { conflict, notFound, ProblemException } from '../common/http/problem';
import { ReturnAccess } from './return-access';
import { ReturnsRepository } from './returns.repository';

/** At most this many photos per return. */
const MAX_PHOTOS = 10;

/**
 * Photos of returned goods (optional), kept in PostgreSQL like product
 * images: the return's buyers or staff who may read it add them; whoever
 * may read the return sees them. The bytes must be the JPEG, PNG or WebP
 * the Content-Type says.
 */
@Injectable()
export class ReturnPhotosService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly access: ReturnAccess,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async add(actor: AuthUser, id: string, bytes: Buffer, contentType: string): Promise<ReturnPhoto> {
    await this.access.requireReadable(actor, id);
    const sniffed = sniffImageType(bytes);
    const declared = contentType.split(';')[0]?.trim().toLowerCase();
    if (!sniffed || sniffed !== declared)
      throw new ProblemException(415, `The photo is not the ${declared ?? 'image'} its Content-Type says`);
    const photoId = await this.dataSource.transaction(async (tx) => {
      const row = await this.returns.lock(tx, id);
      if (!row) throw notFound('Return');
      if (isCustomerActor(actor) && row.status !== 'requested' && row.status !== 'approved')
        throw conflict(`Return ${row.number} is ${row.status}: photos are added while it is open`);
      if ((await this.returns.photosOf(id)).length >= MAX_PHOTOS)
        throw conflict(`A return holds at most ${MAX_PHOTOS} photos`);
      const inserted = await this.returns.insertPhoto(tx, id, sniffed, bytes);
      await this.returns.events(tx, id, [
        { actorId: actor.id, kind: 'photo_added', fromStatus: null, toStatus: null, reason: null },
      ]);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'return_photo',
        entityId: inserted,
        accountId: row.accountId,
        action: 'create',
        before: null,
        after: { returnId: id, contentType: sniffed, byteSize: bytes.length },
      });
      return inserted;
    });
    return { id: photoId, url: `/api/returns/${id}/photos/${photoId}`, contentType: sniffed };
  }

  async get(actor: AuthUser, id: string, photoId: string): Promise<{ contentType: string; bytes: Buffer }> {
    await this.access.requireReadable(actor, id);
    const photo = await this.returns.photo(id, photoId);
    if (!photo) throw notFound('Photo');
    return photo;
  }
}
