# Rekey, português do Brasil. Tem exatamente os mesmos ids do catálogo em inglês e
# usa as mesmas { $variables }. Mensagens em texto simples: os templates fazem o escape.

## Todas as páginas

page-title-default = Redefinir sua senha
skip-to-content = Pular para o conteúdo
demo-outbox-link = Caixa de saída de demonstração
help-contact = Precisa de ajuda? Fale com o suporte técnico
help-call = Ligue para { $phone }
help-email = Envie um e-mail para { $email }
language-switcher = Idioma
progress-label = Progresso
progress = Etapa { $step } de { $total }
error-summary-title = Há um problema
start-again = Voltar ao início

## Página inicial

home-title = Redefinir sua senha
home-intro = Esqueceu sua senha ou ela expirou? Confirme que é você com um código enviado para o e-mail ou telefone que você cadastrou. Depois, escolha uma nova senha.
home-username-label = Seu e-mail de trabalho
home-continue = Continuar
home-never-ask = Nunca vamos pedir sua senha atual.
home-username-missing = Digite seu e-mail de trabalho, por exemplo nome@contoso.com.

## Escolher para onde o código vai

methods-title = Para onde enviamos o código?
methods-intro = Escolha um dos contatos cadastrados para { $username }.
methods-legend = Enviar um código para
methods-email-to = E-mail para { $address }
methods-sms-to = SMS para { $number }
methods-send = Enviar código
methods-unknown = Não reconhece esses contatos ou não tem acesso a nenhum deles? Fale com o suporte técnico.
methods-too-many = { $minutes ->
    [one] Muitos códigos foram enviados para esta conta. Você poderá pedir um novo em { $minutes } minuto.
    [many] Muitos códigos foram enviados para esta conta. Você poderá pedir um novo em { $minutes } minutos.
   *[other] Muitos códigos foram enviados para esta conta. Você poderá pedir um novo em { $minutes } minutos.
    }

## Digitar o código

code-title = Digite o código
code-sent-email = Enviamos um código de { $digits } dígitos por e-mail para { $address }. Ele pode levar um minuto para chegar.
code-sent-sms = Enviamos um código de { $digits } dígitos por SMS para { $number }. Ele pode levar um minuto para chegar.
code-label = Código
code-autosubmit = O código é verificado assim que você digitar os { $digits } dígitos.
code-verify = Verificar
code-resend = Enviar um novo código
code-elsewhere = Ou envie um código para outro contato:
code-other-email = E-mail para { $address }
code-other-sms = SMS para { $number }
code-wrong = { $remaining ->
    [one] Esse código não está correto. Confira a mensagem mais recente e tente de novo (resta { $remaining } tentativa).
    [many] Esse código não está correto. Confira a mensagem mais recente e tente de novo (restam { $remaining } tentativas).
   *[other] Esse código não está correto. Confira a mensagem mais recente e tente de novo (restam { $remaining } tentativas).
    }
code-expired = Este código expirou ou já foi usado. Envie um novo código abaixo.

## Escolher a nova senha

password-title = Escolha uma nova senha
password-must = Sua nova senha precisa:
password-tip = Algumas palavras sem relação entre si formam uma senha longa e fácil de lembrar.
password-label = Nova senha
password-show = Mostrar senha
password-hide = Ocultar senha
password-revoke = Sair da minha conta em todos os dispositivos
password-submit = Definir nova senha
password-rejected = Escolha outra senha:
password-mismatch = As duas senhas não são iguais. Digite a nova senha de novo.
password-busy = { $seconds ->
    [one] O Microsoft Entra está ocupado e sua senha ainda não foi alterada. Sua identidade continua confirmada: tente de novo em { $seconds } segundo.
    [many] O Microsoft Entra está ocupado e sua senha ainda não foi alterada. Sua identidade continua confirmada: tente de novo em { $seconds } segundos.
   *[other] O Microsoft Entra está ocupado e sua senha ainda não foi alterada. Sua identidade continua confirmada: tente de novo em { $seconds } segundos.
    }
meter-good = Boa: { $strength }
meter-not-yet = Ainda não: { $strength }
meter-guess-time = poderia ser descoberta em { $time }
strength-0 = Muito fraca
strength-1 = Fraca
strength-2 = Razoável
strength-3 = Forte
strength-4 = Muito forte

## As regras, listadas acima do campo de senha

rule-length = Ter entre { $min } e { $max } caracteres.
rule-charset = Usar apenas letras de A a Z, números, espaços e estes símbolos: { $symbols }
rule-classes = Ter pelo menos três destes tipos: letras minúsculas, letras maiúsculas, números, símbolos.
rule-strength = Ser difícil de adivinhar: força de pelo menos { $score } de 4. Várias palavras sem relação entre si funcionam bem; evite nomes, datas, sequências do teclado e repetições.
rule-banned = Não usar senhas comuns, seu nome ou o nome da sua organização, a menos que combinados com outros caracteres suficientes.
rule-breached = Não aparecer em vazamentos de dados conhecidos.
rule-history = { $depth ->
    [one] Não ser a última senha que você definiu aqui.
    [many] Não ser nenhuma das últimas { $depth } senhas que você definiu aqui.
   *[other] Não ser nenhuma das últimas { $depth } senhas que você definiu aqui.
    }
rule-ad-names = Não conter seu nome de usuário nem parte do seu nome completo com três caracteres ou mais.
rule-ad-history = { $depth ->
    [one] Ser diferente da sua senha anterior na rede da sua organização.
   *[other] Ser diferente das suas últimas { $depth } senhas na rede da sua organização.
    }

## Por que uma senha foi recusada

policy-length-short = Use pelo menos { $min } caracteres.
policy-length-long = Use no máximo { $max } caracteres.
policy-charset = Remova { $chars }: só é possível usar letras de A a Z, números, espaços e os símbolos { $symbols }.
policy-classes = Use pelo menos três destes tipos: letras minúsculas, letras maiúsculas, números e símbolos. Adicione mais { $need } destes: { $missing }.
class-lowercase = letras minúsculas
class-uppercase = letras maiúsculas
class-digits = números
class-symbols = símbolos
char-space = espaço
char-tab = tabulação
char-line-break = quebra de linha
char-nbsp = espaço não separável
char-others = outros
list-separator = ,{" "}
policy-banned-name = Sua senha contém seu nome. Escolha uma que não contenha.
policy-banned-custom = Sua senha é baseada em uma palavra bloqueada pela sua organização. Escolha outra.
policy-banned-organisation = Sua senha contém o nome da sua organização e pouca coisa além disso. Tente de novo com outra senha.
policy-banned-common = Sua senha é baseada em uma palavra ou sequência comum, das primeiras que os invasores testam. Escolha outra.
policy-breached = Esta senha aparece em vazamentos de dados publicados, então os invasores já a conhecem. Escolha outra.
policy-history = Você usou esta senha recentemente. Escolha uma que você ainda não usou.
policy-unavailable = Não foi possível verificar a senha agora. Tente de novo.
policy-breached-unavailable = Não conseguimos verificar agora se esta senha aparece em vazamentos de dados conhecidos. Tente de novo daqui a um minuto.
policy-entra-rejected = O Microsoft Entra não aceitou esta senha: ela não atende aos requisitos de senha da sua organização ou contém uma palavra muito usada. Escolha outra.
policy-ad-rejected = O Active Directory da sua organização não aceitou esta senha: ela pode ser curta demais, simples demais ou ter sido usada recentemente, ou sua última alteração pode ter sido recente demais. Escolha outra.
policy-ad-names = A rede da sua organização não permite seu nome de usuário nem parte do seu nome completo na senha. Remova-o.
policy-ad-history = { $depth ->
    [one] A rede da sua organização não aceitou esta senha, embora ela cumpra as regras mostradas. O mais provável é que seja sua senha anterior lá ou contenha uma palavra que a rede proíbe, ou que sua conta tenha regras mais rígidas. Escolha outra.
   *[other] A rede da sua organização não aceitou esta senha, embora ela cumpra as regras mostradas. O mais provável é que seja uma das suas últimas { $depth } senhas lá ou contenha uma palavra que a rede proíbe, ou que sua conta tenha regras mais rígidas. Escolha outra.
    }
policy-strength-unverified = Não foi possível verificar esta senha a tempo. Escolha outra, por exemplo quatro ou mais palavras sem relação entre si, com um número e um símbolo.
policy-strength-weak-start = O começo desta senha é fácil de adivinhar.
policy-strength-weak = Esta senha é fácil demais de adivinhar (força { $score } de 4, mínimo necessário: { $min }).
policy-warn-keyboard-row = Fileiras de teclas vizinhas, como "qwerty", estão entre as primeiras coisas testadas.
policy-warn-keyboard-pattern = Sequências curtas no teclado são adivinhadas rapidamente.
policy-warn-repeat-char = Caracteres repetidos, como "aaa", quase não acrescentam nada.
policy-warn-repeat-group = Um grupo repetido, como "abcabc", é só um pouco mais difícil de adivinhar do que o próprio grupo.
policy-warn-top10 = Esta é uma das dez senhas mais usadas.
policy-warn-top100 = Esta é uma das cem senhas mais usadas.
policy-warn-common = Esta senha é usada por muitíssimas pessoas.
policy-warn-similar-common = Esta senha é parecida com uma senha usada por muitíssimas pessoas.
policy-warn-sequence = Sequências como "abc" ou "6543" são adivinhadas rapidamente.
policy-warn-recent-year = Anos recentes são adivinhados rapidamente.
policy-warn-single-word = Uma única palavra é adivinhada rapidamente.
policy-warn-date = Datas são adivinhadas rapidamente.
policy-warn-name = Um nome sozinho é adivinhado rapidamente.
policy-warn-common-name = Nomes e sobrenomes comuns são adivinhados rapidamente.
policy-hint-banned-more = Adicione mais algumas palavras ou caracteres que não sejam palavras ou nomes comuns.
policy-hint-few-words = Use várias palavras sem relação entre si, e não uma frase conhecida.
policy-hint-length-first = O tamanho ajuda mais do que símbolos, números ou letras maiúsculas.
policy-hint-add-word = Adicione mais uma ou duas palavras; palavras pouco comuns são melhores.
policy-hint-capitals = Uma letra maiúscula no começo ou no fim ajuda pouco.
policy-hint-all-caps = Tudo em maiúsculas é mais ou menos tão fácil de adivinhar quanto tudo em minúsculas.
policy-hint-reversed = Palavras escritas de trás para frente são só um pouco mais difíceis de adivinhar.
policy-hint-substitutions = Trocas como "@" no lugar de "a" ou "0" no lugar de "o" são bem conhecidas e ajudam pouco.
policy-hint-keyboard = Evite sequências de teclado ou faça-as bem mais longas, com muitas mudanças de direção.
policy-hint-repeats = Evite palavras e caracteres repetidos.
policy-hint-sequences = Evite sequências como abc ou 123.
policy-hint-recent-years = Evite anos recentes.
policy-hint-your-years = Evite anos que tenham algum significado para você.
policy-hint-your-dates = Evite datas e anos que tenham algum significado para você.

## Concluído

done-title = Sua senha foi alterada
done-signed-in-as = Agora você pode entrar em { $username } com a nova senha.
done-ad-sync = Sua nova senha já funciona na rede da sua organização. O Microsoft 365 e outros aplicativos na nuvem passam a aceitá-la em alguns minutos, depois da sincronização; até lá, eles ainda esperam a antiga.
done-ad-syncing = O Microsoft 365 está recebendo sua nova senha. Isso costuma levar uns dois minutos; esta página avisa quando terminar.
done-ad-synced = O Microsoft 365 já tem sua nova senha: você pode entrar nele agora.
done-ad-sync-check = Verificar de novo
password-unlock-instead = Só está bloqueado? Se você ainda sabe sua senha, desbloqueie sua conta sem alterá-la.
password-unlock-button = Desbloquear minha conta
unlocked-title = Sua conta foi desbloqueada
unlocked-text = Você já pode entrar de novo com sua senha atual. Se for bloqueado de novo em breve, provavelmente um telefone ou computador ainda está tentando uma senha antiga: atualize-a lá primeiro.
done-update-title = Agora atualize a senha em todos os lugares onde ela está salva
done-update-intro = Celulares, notebooks e apps que ainda guardam a senha antiga continuam tentando usá-la. Cada tentativa falha com "invalid username or password" (nome de usuário ou senha inválidos, erro AADSTS50126), e muitas tentativas bloqueiam sua conta. Siga esta lista, começando pelo aparelho que está na sua mão:
done-check-devices = Verificar meus dispositivos
done-printable-guide = Guia para imprimir

## Dispositivos que ainda usam a senha antiga

devices-title = Dispositivos que ainda usam sua senha antiga
devices-unavailable = A licença do Microsoft Entra da sua organização não inclui os logs de entrada, então não conseguimos ver quais dispositivos estão falhando. Siga o guia.
devices-error = Não conseguimos verificar suas entradas agora. Tente de novo em alguns minutos ou siga o guia.
devices-none = Nenhum dispositivo tentou usar sua senha antiga desde a alteração. Dispositivos que sincronizam só de vez em quando podem aparecer mais tarde: verifique de novo amanhã.
devices-intro = Estes dispositivos ainda estão tentando usar sua senha antiga. Cada tentativa falha com "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126) e pode bloquear sua conta.
devices-failures = { $count ->
    [one] { $count } falha ao entrar, a última em { $last }.
    [many] { $count } falhas ao entrar, a última em { $last }.
   *[other] { $count } falhas ao entrar, a última em { $last }.
    }
devices-locked = Sua conta foi bloqueada por causa disso.
devices-how = Como atualizar
devices-open-guide = Abrir o guia
devices-check-again = Verificar de novo
devices-unknown-app = Um app
devices-unknown-device = um dispositivo desconhecido

## O guia de senhas salvas

guide-title = Atualize suas senhas salvas
guide-intro = Depois de alterar a senha, é preciso atualizar todos os dispositivos e apps que salvaram a senha antiga. Até lá, eles falham com "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126) e podem bloquear sua conta.
guide-ios-mail = iPhone ou iPad: apps Mail, Outlook e Teams
guide-ios-mail-1 = Abra o app Outlook ou Teams: quando ele pedir, entre de novo com a nova senha.
guide-ios-mail-2 = App Mail do iPhone: Ajustes › Apps › Mail › Contas de Mail › sua conta de trabalho › Conta. Depois, digite a nova senha e toque em OK.
guide-ios-mail-3 = Se a conta continuar falhando, apague-a do Mail e adicione-a de novo.
guide-android-mail = Android: Outlook, Teams, Gmail e outros apps de e-mail
guide-android-mail-1 = Abra o Outlook e o Teams: entre de novo com a nova senha quando eles pedirem.
guide-android-mail-2 = Gmail ou Samsung Email com conta de trabalho: Configurações › sua conta de trabalho › Configurações do servidor (ou Configurações da conta). Depois, digite a nova senha.
guide-android-mail-3 = Se o Microsoft Authenticator ou o Portal da Empresa pedir para você entrar, use a nova senha.
guide-windows-signin = Windows: entrada e tela de bloqueio
guide-windows-signin-1 = Bloqueie o computador (tecla Windows + L) e desbloqueie com a nova senha.
guide-windows-signin-2 = Está fora da rede do escritório? Conecte-se primeiro à VPN. Senão, o computador pode manter a senha antiga até conseguir acessar a rede.
guide-outlook-desktop = Outlook, Teams e OneDrive no computador
guide-outlook-desktop-1 = Feche e abra de novo o Outlook, o Teams e o OneDrive. Entre com a nova senha quando eles pedirem.
guide-outlook-desktop-2 = Se o Outlook continuar pedindo a senha: Arquivo › Configurações de Conta › Configurações de Conta, selecione a conta e clique em Reparar.
guide-credential-manager = Gerenciador de Credenciais do Windows e unidades mapeadas
guide-credential-manager-1 = Abra o menu Iniciar, digite Gerenciador de Credenciais e abra Credenciais do Windows.
guide-credential-manager-2 = Edite cada item com seu nome de usuário de trabalho (por exemplo MicrosoftOffice, unidades mapeadas, impressoras) e digite a nova senha. Ou remova o item para que a senha seja pedida de novo.
guide-credential-manager-3 = Unidades de rede mapeadas: no Explorador de Arquivos, clique com o botão direito na unidade, escolha Desconectar e depois mapeie a unidade de novo.
guide-keychain = Mac: Chaves
guide-keychain-1 = Abra o Acesso às Chaves (Aplicativos › Utilitários).
guide-keychain-2 = Pesquise seu e-mail de trabalho, abra cada item (Exchange, Outlook, Wi-Fi) e atualize a senha. Ou apague o item para que a senha seja pedida de novo.
guide-wifi = Wi-Fi do escritório
guide-wifi-1 = Em cada celular, tablet e notebook, esqueça a rede Wi-Fi do escritório (Ajustes ou Configurações › Wi-Fi › a rede › Esquecer).
guide-wifi-2 = Conecte-se de novo à rede e entre com a nova senha.
guide-vpn = VPN
guide-vpn-1 = Abra o app da VPN, edite a conexão salva e troque a senha salva. Ou apague a senha para que o app a peça.
guide-browsers = Senhas salvas nos navegadores
guide-browsers-1 = Edge ou Chrome: Configurações › Senhas (Gerenciador de senhas); Firefox: Configurações › Senhas; Safari: Ajustes › Senhas.
guide-browsers-2 = Pesquise seu e-mail de trabalho e atualize ou apague o item salvo.
guide-other-devices = Outros celulares, tablets, computadores de casa, scanners e scripts
guide-other-devices-1 = Pense em todos os outros dispositivos que entram com a sua conta: um segundo celular, um tablet, um computador de casa, um scanner que envia documentos por e-mail, scripts agendados.
guide-other-devices-2 = Atualize cada um deles. Enquanto você não fizer isso, eles continuam tentando usar a senha antiga.

## Suporte técnico e bloqueio

helpdesk-title = Fale com o suporte técnico
helpdesk-intro = Obrigado por confirmar sua identidade. Não é possível redefinir esta senha aqui.
helpdesk-reason = Motivo: { $reason }
helpdesk-reason-code = Informe este código de motivo ao suporte técnico: { $code }
reason-disabled = Sua conta está desativada.
reason-synced = Sua senha é gerenciada pelo diretório local da sua organização.
reason-privileged = Sua conta tem direitos de administrador, então a senha dela só pode ser redefinida pelo suporte técnico.
reason-federated = Sua conta entra por meio de outro provedor de identidade.
reason-not-enough-methods = Sua conta não tem formas de contato cadastradas suficientes.
locked-title = Muitos códigos errados
locked-paused = Para sua segurança, a redefinição de senha desta conta está suspensa até { $until }. Sua senha não foi alterada.
locked-not-you = Se não foi você que tentou redefinir sua senha, fale com o suporte técnico.

## Páginas de erro

error-code = Erro { $status }
error-bad-request-title = Algo nessa solicitação não estava certo
error-bad-request-text = Volte e tente de novo.
error-forbidden-title = Esta página expirou
error-forbidden-text = Para sua segurança, o formulário não pôde ser aceito. Comece de novo.
error-not-found-title = Página não encontrada
error-not-found-text = O endereço pode estar digitado errado, ou a página não existe mais.
error-expired-title = Sua redefinição expirou
error-expired-text = { $minutes ->
    [one] Para sua segurança, uma redefinição termina após { $minutes } minuto sem atividade. Comece de novo.
    [many] Para sua segurança, uma redefinição termina após { $minutes } minutos sem atividade. Comece de novo.
   *[other] Para sua segurança, uma redefinição termina após { $minutes } minutos sem atividade. Comece de novo.
    }
error-out-of-order-title = Esta etapa ainda não está disponível
error-out-of-order-text = Continue de onde você parou ou comece de novo.
error-too-many-title = Muitas tentativas
error-too-many-text = Aguarde alguns minutos antes de tentar de novo.
error-unavailable-title = O serviço está temporariamente indisponível
error-unavailable-text = Nada foi alterado. Tente de novo em alguns minutos.
error-internal-title = Algo deu errado do nosso lado
error-internal-text = Nada foi alterado. Tente de novo. Se o problema continuar, fale com o suporte técnico.

## Caixa de saída de demonstração

outbox-title = Caixa de saída de demonstração
outbox-intro = No modo de demonstração, nada sai desta máquina: todos os e-mails e SMS que o portal enviaria aparecem aqui, dos mais recentes para os mais antigos.
outbox-refresh = Atualizar
outbox-empty = Nenhuma mensagem ainda. Inicie uma redefinição no portal.
outbox-open-portal = Abrir o portal
outbox-email-to = e-mail para { $to }
outbox-sms-to = SMS para { $to }

## E-mails e SMS

mail-hello = Olá,
mail-hello-name = Olá, { $name },
mail-helpdesk = Dúvidas? Fale com o suporte técnico: { $helpdesk }
mail-code-subject = Seu código de redefinição de senha da { $org }
mail-code-intro = Seu código de redefinição de senha da { $org } é:
mail-code-once = { $minutes ->
    [one] Ele pode ser usado uma vez, durante { $minutes } minuto.
    [many] Ele pode ser usado uma vez, durante { $minutes } minutos.
   *[other] Ele pode ser usado uma vez, durante { $minutes } minutos.
    }
mail-code-who = Alguém pediu para redefinir a senha de { $account } em { $at }.
mail-code-who-from = Alguém pediu para redefinir a senha de { $account } a partir de { $address } em { $at }.
mail-code-not-you = Se não foi você, não compartilhe este código com ninguém. Sua senha não foi alterada.
sms-code = { $code } é seu código de redefinição de senha da { $org }. Ele expira em { $minutes } min. Nunca o compartilhe.
mail-locked-subject = Redefinição de senha suspensa para { $account }
mail-locked-paused = A redefinição de senha de { $account } está suspensa até { $until }, porque muitos códigos errados foram digitados no portal de senhas da { $org }.
mail-locked-from = O último código errado veio de { $address }.
mail-locked-advice = Se foi você, aguarde e tente de novo mais tarde. Se não foi você, alguém pode estar tentando invadir sua conta: fale com o suporte técnico.
mail-not-changed = Sua senha não foi alterada.
mail-changed-subject = Sua senha da { $org } foi alterada
mail-changed-what = A senha de { $account } foi alterada em { $at } pelo portal de senhas da { $org }.
mail-changed-what-from = A senha de { $account } foi alterada em { $at } a partir de { $address } pelo portal de senhas da { $org }.
mail-changed-not-you = Se não foi você, fale com o suporte técnico agora.
mail-changed-update = Atualize a senha em todos os lugares onde ela está salva. Senão, esses dispositivos vão continuar falhando com "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126) e podem bloquear sua conta:
mail-full-guide = O guia completo
mail-reminder-subject = { $days ->
    [1] Sua senha expira amanhã
    [one] Sua senha expira em { $days } dias
    [many] Sua senha expira em { $days } dias
   *[other] Sua senha expira em { $days } dias
    }
mail-reminder-subject-expired = Sua senha expirou
mail-reminder-expires = { $days ->
    [1] A senha de { $account } expira em { $date }, amanhã.
    [one] A senha de { $account } expira em { $date }, daqui a { $days } dias.
    [many] A senha de { $account } expira em { $date }, daqui a { $days } dias.
   *[other] A senha de { $account } expira em { $date }, daqui a { $days } dias.
    }
mail-reminder-expired = A senha de { $account } expirou em { $date }. Não é mais possível entrar com ela.
mail-reminder-change-at = Altere agora em { $url }
mail-reminder-windows = Ou, enquanto você ainda consegue entrar no Windows: Ctrl+Alt+Del › Alterar uma senha.
mail-reminder-how = Como fazer: digite seu e-mail de trabalho, confirme com o código que enviamos para o e-mail ou telefone cadastrado e escolha uma nova senha. Algumas palavras sem relação entre si formam uma senha forte.
mail-reminder-after = Depois, atualize a senha no celular, no Outlook, no Wi-Fi e na VPN. Senão, eles continuam usando a senha antiga e podem bloquear sua conta.
mail-signature = TI da { $org }
# When branding.org_name is not set: the organisation, as it reads in the messages above.
org-unnamed = sua organização
org-logo-alt = Logotipo
mail-signature-unnamed = Sua equipe de TI
mail-watch-subject = { $device } ainda está usando sua senha antiga
mail-watch-body = { $count ->
    [one] Sua senha da { $org } para { $account } foi alterada, mas { $device } ainda está tentando usar a antiga ({ $count } falha ao entrar até agora). Cada tentativa falha com "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126), e muitas tentativas bloqueiam sua conta.
    [many] Sua senha da { $org } para { $account } foi alterada, mas { $device } ainda está tentando usar a antiga ({ $count } falhas ao entrar até agora). Cada tentativa falha com "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126), e muitas tentativas bloqueiam sua conta.
   *[other] Sua senha da { $org } para { $account } foi alterada, mas { $device } ainda está tentando usar a antiga ({ $count } falhas ao entrar até agora). Cada tentativa falha com "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126), e muitas tentativas bloqueiam sua conta.
    }
mail-watch-how = Como atualizar: { $url }
mail-watch-unknown = Se você não reconhece este dispositivo, fale com o suporte técnico.
mail-trouble-subject = Problemas para entrar?
mail-trouble-body = { $count ->
    [one] { $device } não conseguiu entrar como { $account } { $count } vez desde { $since }, com o erro "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126). Provavelmente ainda há uma senha antiga salva nele.
    [many] { $device } não conseguiu entrar como { $account } { $count } vezes desde { $since }, com o erro "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126). Provavelmente ainda há uma senha antiga salva nele.
   *[other] { $device } não conseguiu entrar como { $account } { $count } vezes desde { $since }, com o erro "invalid username or password" (nome de usuário ou senha inválidos, AADSTS50126). Provavelmente ainda há uma senha antiga salva nele.
    }
mail-trouble-update = Atualize: { $url }
mail-trouble-forgot = Esqueceu a senha? { $url }
