import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountUser, Address } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { AccountMembersService } from './account-members.service';
import { CreateAccountUserDto, UpdateAccountUserDto } from './dto/account-user.dto';
import { CreateAddressDto } from './dto/address.dto';
import { ApiResult } from '../openapi/api-result';
import { ApiEmptyResult } from '../openapi/api-result';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts/:accountId')
export class AccountMembersController {
  constructor(private readonly members: AccountMembersService) {}

  @Get('addresses')
  @ApiResult('Address[]')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: "The account's shipping addresses" })
  listAddresses(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
  ): Promise<Address[]> {
    return this.members.listAddresses(actor, accountId);
  }

  @Post('addresses')
  @ApiResult('Address')
  @Roles('buyer', 'approver', 'account_manager', 'admin')
  @ApiOperation({ summary: 'Add a shipping address' })
  addAddress(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
    @Body() body: CreateAddressDto,
  ): Promise<Address> {
    return this.members.addAddress(actor, accountId, body);
  }

  @Get('users')
  @ApiResult('AccountUser[]')
  @Roles('approver', 'account_manager', 'manager', 'admin')
  @ApiOperation({ summary: "The account's buyers and approvers with their order limits" })
  listUsers(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
  ): Promise<AccountUser[]> {
    return this.members.listUsers(actor, accountId);
  }

  @Post('users')
  @ApiResult('AccountUser')
  @Roles('approver', 'admin')
  @ApiOperation({
    summary: 'Add a buyer or approver',
    description: 'Without a password, the user is e-mailed a link to set their own (invited).',
  })
  addUser(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
    @Body() body: CreateAccountUserDto,
  ): Promise<AccountUser> {
    return this.members.addUser(actor, accountId, body);
  }

  @Post('users/:userId/invite')
  @ApiEmptyResult()
  @Roles('approver', 'admin')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Invite a user again who has not set a password: a new link by e-mail, the old one stops working',
    description: 'At most once a minute per user (429 with Retry-After); 409 once they have set a password.',
  })
  inviteUser(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
    @Param('userId', IdPipe) userId: string,
  ): Promise<void> {
    return this.members.inviteUser(actor, accountId, userId);
  }

  @Patch('users/:userId')
  @ApiResult('AccountUser')
  @Roles('approver', 'admin')
  @ApiOperation({ summary: 'Change a buyer or approver: name, role, order limit, active, password' })
  updateUser(
    @CurrentUser() actor: AuthUser,
    @Param('accountId', IdPipe) accountId: string,
    @Param('userId', IdPipe) userId: string,
    @Body() body: UpdateAccountUserDto,
  ): Promise<AccountUser> {
    return this.members.updateUser(actor, accountId, userId, body);
  }
}
