import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { escapeLikePattern, searchTerms } from '@tradecounter/domain';
import type { Role, SortDirection, UserSortField } from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import { applySortOrder, sortOrder, type SortSpec } from '../common/http/sort';
import { UserEntity } from './user.entity';

export interface UserFilter {
  roles: readonly Role[];
  accountId?: string;
  search?: string;
  sort?: UserSortField;
  dir?: SortDirection;
}

const USER_SORT: SortSpec<UserSortField> = {
  columns: { name: 'u.name', email: 'u.email', role: 'u.role', active: 'u.active' },
  tieBreaker: 'u.id',
  defaultField: 'name',
  defaultDirection: 'asc',
};

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  async list(filter: UserFilter, page: PageRequest): Promise<[UserEntity[], number]> {
    const query = this.users
      .createQueryBuilder('u')
      .where('u.role IN (:...roles)', { roles: filter.roles })
      .skip(page.offset)
      .take(page.pageSize);
    applySortOrder(query, sortOrder(USER_SORT, filter));
    if (filter.accountId) query.andWhere('u.account_id = :accountId', { accountId: filter.accountId });
    for (const [index, term] of searchTerms(filter.search).entries()) {
      query.andWhere(
        new Brackets((where) =>
          where
            .where(`lower(u.name) LIKE :term${index}`, { [`term${index}`]: `%${escapeLikePattern(term)}%` })
            .orWhere(`u.email LIKE :term${index}`),
        ),
      );
    }
    return query.getManyAndCount();
  }

  listForAccount(accountId: string): Promise<UserEntity[]> {
    return this.users.find({ where: { accountId }, order: { name: 'ASC' } });
  }

  async countAll(): Promise<number> {
    return this.users.count();
  }

  save(user: UserEntity, manager?: EntityManager): Promise<UserEntity> {
    return (manager ? manager.getRepository(UserEntity) : this.users).save(user);
  }

  create(fields: Partial<UserEntity>): UserEntity {
    return this.users.create(fields);
  }
}
