import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/button'
import { RouteErrorBoundary } from '~/components/error-page'
import { CheckboxGroup, SelectField, TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { createUserSession } from '~/domain/accounts/session.server'
import { DomainError, replyWithError } from '~/domain/errors.server'
import { registerOrganisation } from '~/domain/orgs/register.server'
import { RATE_LIMITS, clientAddress, consumeRateLimit } from '~/domain/rate-limit.server'
import { fieldProps, selectProps, selectedValues } from '~/lib/forms'
import { getLanguage } from '~/lib/i18n'
import { RegisterOrganisationSchema } from '~/lib/schemas/registration'
import { taxonomy } from '../../db/reference'

export const meta: MetaFunction = () => [{ title: '机构注册 · 晋产教' }]

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: RegisterOrganisationSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return Response.json(submission.reply({ hideFields }), { status: 400 })
  let result: { userId: number; organisationId: number }
  try {
    const limit = await consumeRateLimit(`register:ip:${clientAddress(request)}`, RATE_LIMITS.registerPerIp)
    if (!limit.allowed) throw new DomainError('rate_limited', 'domain.registerRateLimited')
    result = await registerOrganisation({ input: submission.value })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request), { hideFields })
  }
  const cookie = await createUserSession({ userId: result.userId, activeOrganisationId: result.organisationId })
  return redirect(`/orgs/${result.organisationId}/verification?registered=1`, { headers: { 'Set-Cookie': cookie } })
}

const kindOptions = taxonomy.org_kinds.filter((k) => k.code !== 'government').map((k) => ({ value: k.code, label: k.name }))
const cityOptions = taxonomy.regions.cities.map((c) => ({ value: c.code, label: c.name }))
const clusterOptions = taxonomy.clusters.map((c) => ({ value: c.code, label: c.short }))

export default function RegisterPage() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterOrganisationSchema }),
  })
  return (
    <AuthCard title="注册机构" wide>
      <p className="mb-5 text-sm text-slate-600">
        注册后您将成为本机构的管理员。上传营业执照或法人证书，经平台审核认证后即可发布需求与供给、发起合作。
      </p>
      <Form method="post" className="space-y-6" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold">机构信息</legend>
          <SelectField label="机构类型" required placeholder="请选择" options={kindOptions} {...selectProps(fields.kind)} />
          <TextField label="机构全称" required placeholder="与营业执照或法人证书一致" {...fieldProps(fields.name)} />
          <TextField
            label="统一社会信用代码"
            required
            maxLength={18}
            placeholder="18 位，如 91140700MA0XXXXXXX"
            hint="见营业执照或事业单位法人证书"
            {...fieldProps(fields.creditCode)}
          />
          <SelectField label="所在城市" required placeholder="请选择" options={cityOptions} {...selectProps(fields.cityCode)} />
          <div className="sm:col-span-2">
            <TextField label="详细地址" required {...fieldProps(fields.address)} />
          </div>
          <div className="sm:col-span-2">
            <CheckboxGroup
              legend="所属产业集群（最多 5 个）"
              name={fields.clusters.name}
              id={fields.clusters.id}
              options={clusterOptions}
              selected={selectedValues(fields.clusters)}
              errors={fields.clusters.errors}
            />
          </div>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold">规模（用于计算政策指标）</legend>
          <TextField label="在职员工数" inputMode="numeric" hint="企业必填" {...fieldProps(fields.staffCount)} />
          <TextField
            label="技术岗位数"
            inputMode="numeric"
            hint="企业必填：实习岗位须达其 10%"
            {...fieldProps(fields.technicalPostCount)}
          />
          <TextField label="在校生人数" inputMode="numeric" hint="院校必填" {...fieldProps(fields.studentCount)} />
          <div className="sm:col-span-3">
            <TextField
              label="专业（院校开设或企业招聘）"
              placeholder="用顿号分隔，如 机电一体化技术、电气自动化技术"
              {...fieldProps(fields.majors)}
            />
          </div>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold">管理员账号</legend>
          <TextField label="联系人姓名" required autoComplete="name" {...fieldProps(fields.contactName)} />
          <TextField label="联系电话" required autoComplete="tel" {...fieldProps(fields.contactPhone, 'tel')} />
          <div className="sm:col-span-2">
            <TextField label="邮箱（登录用）" required autoComplete="email" {...fieldProps(fields.email, 'email')} />
          </div>
          <TextField
            label="密码"
            required
            autoComplete="new-password"
            hint="至少 10 位，包含字母和数字"
            {...fieldProps(fields.password, 'password')}
          />
          <TextField label="确认密码" required autoComplete="new-password" {...fieldProps(fields.confirmPassword, 'password')} />
        </fieldset>
        <Button type="submit" className="w-full sm:w-auto">
          提交注册
        </Button>
      </Form>
    </AuthCard>
  )
}

export const ErrorBoundary = RouteErrorBoundary
